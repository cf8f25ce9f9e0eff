package io.github.mnistlab.cli;

import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.data.MnistLoader;
import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunRecords;
import io.github.mnistlab.record.SweepRecord;
import io.github.mnistlab.run.EngineSettings;
import io.github.mnistlab.run.ExperimentRunner;
import io.github.mnistlab.spec.Durations;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.LabJson;
import io.github.mnistlab.spec.SpecFiles;
import io.github.mnistlab.spec.ModelKind;
import io.github.mnistlab.spec.SweepPoint;
import io.github.mnistlab.spec.SweepSpec;
import io.github.mnistlab.spec.Sweeps;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sweep}: the MLP lab's k × m grid or the LeNet lab's depth × kernel grid, one run per point
 * under {@code --out}, then {@code sweep.json} naming the best point.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a k × m (mlp) or depth × kernel (cnn) sweep, or the ablation of an improved preset"
                + " (ablation), one run per point.")
final class SweepCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    TrainingOptions training;

    @Option(names = "--spec", description = "A sweep spec file (JSON, e.g. {\"kind\": \"mlp\", \"m\": \"10:100:10\"});"
            + " instead of --kind, --preset, --k, --m, --depths and --kernels.")
    Path specFile;

    @Option(names = "--kind", description = "mlp (k × m), cnn (depth × kernel) or ablation (the lab's spec, each"
            + " change of an improved --preset alone, all changes).")
    String kind;

    @Option(names = "--out", required = true, description = "Directory for the points' runs and sweep.json.")
    Path out;

    @Option(names = "--preset", description = "Base preset (default: mlp for mlp, cnn-lenet for cnn); for an ablation"
            + " the improved preset (default cnn-plus).")
    String preset;

    @Option(names = "--k", description = "mlp: hidden layer counts (default 1,2,3).")
    String ks;

    @Option(names = "--m", description = "mlp: units per layer, from:to:step (default 10:100:30).")
    String ms;

    @Option(names = "--depths", description = "cnn: conv + pool stage counts (default 1,2,3).")
    String depths;

    @Option(names = "--kernels", description = "cnn: kernel sizes (default 3,5,7).")
    String kernels;

    @Option(names = "--points", split = ",", description = "Run only these points (ids such as k2-m40 or d2-k5);"
            + " the others are taken from --out or --from when they have run there.")
    List<String> chosenPoints;

    @Option(names = "--from", split = ",", description = "Directories of this sweep run elsewhere (e.g. by other CI"
            + " jobs): their complete points are copied instead of trained again.")
    List<Path> from;

    @Override
    public Integer call() {
        SweepSpec sweep = sweepSpec();
        boolean mlp = sweep.base().model() == ModelKind.MLP;
        List<SweepPoint> points = sweep.points(b -> training.apply(b.overrides(sweep.epochs(), sweep.limit(), sweep.seed())));
        PrintWriter printer = spec.commandLine().getOut();
        Consumer<String> log = line -> {
            printer.println(line);
            printer.flush();
        };
        MnistDataset data = MnistLoader.fromSystem(log).load();
        EngineSettings.threads(training.threads(mlp));
        ExperimentRunner runner = ExperimentRunner.create(training.device(), log, 10);
        List<String> ids = points.stream().map(SweepPoint::id).toList();
        if (chosenPoints != null && !ids.containsAll(chosenPoints)) {
            throw new IllegalArgumentException("--points names " + chosenPoints.stream().filter(p -> !ids.contains(p)).toList()
                    + ", which are not points of this sweep; its points: " + String.join(", ", ids));
        }
        List<SweepPoint> toTrain = new ArrayList<>();
        for (SweepPoint p : points) {
            if (SweptRuns.complete(out.resolve(p.id()), p.spec()) == null
                    && !SweptRuns.copyFrom(from, p, out, log) && (chosenPoints == null || chosenPoints.contains(p.id()))) {
                toTrain.add(p);
            }
        }
        long started = System.nanoTime();
        for (int i = 0; i < toTrain.size(); i++) {
            SweepPoint p = toTrain.get(i);
            log.accept("sweep point " + (i + 1) + "/" + toTrain.size() + ": " + p.id() + " " + p.coordinates()
                    + (i == 0 ? "" : ", " + Durations.left((System.nanoTime() - started) / 1e9 / i * (toTrain.size() - i))));
            runner.run(p.id(), p.spec(), data, out.resolve(p.id()));
        }
        List<RunRecord> runs = new ArrayList<>();
        for (SweepPoint p : points) {
            RunRecord run = SweptRuns.complete(out.resolve(p.id()), p.spec());
            if (run != null) {
                runs.add(run);
            }
        }
        if (runs.size() < points.size()) {
            log.accept("sweep partial: " + runs.size() + " of " + points.size() + " points have run in " + out
                    + "; " + SweepRecord.FILE_NAME + " is written once every point has"
                    + " (run the others, or merge with --from)");
            return 0;
        }
        SweepRecord record = SweepRecord.of(sweep.kind().id(), sweep.base().preset(), points, runs);
        Path file = out.resolve(SweepRecord.FILE_NAME);
        try {
            RunRecords.writeAtomically(file, LabJson.gson().toJson(record).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        log.accept("sweep done: best point " + record.best() + ", " + file);
        return 0;
    }

    /** The sweep from {@code --spec}, or from the grid options; both at once is an error. */
    private SweepSpec sweepSpec() {
        boolean gridOptions = kind != null || preset != null || ks != null || ms != null || depths != null || kernels != null;
        if (specFile != null) {
            if (gridOptions) {
                throw new IllegalArgumentException("--spec " + specFile + " defines the sweep; leave out --kind, --preset,"
                        + " --k, --m, --depths and --kernels");
            }
            return SpecFiles.readSweep(specFile);
        }
        if (kind == null) {
            throw new IllegalArgumentException("give a sweep: --spec FILE, or --kind mlp|cnn|ablation with its options");
        }
        return new SweepSpec(SweepSpec.Kind.parse(kind), preset, ks == null ? null : Sweeps.list(ks), ms,
                depths == null ? null : Sweeps.list(depths), kernels == null ? null : Sweeps.list(kernels),
                null, null, null).validate();
    }
}
