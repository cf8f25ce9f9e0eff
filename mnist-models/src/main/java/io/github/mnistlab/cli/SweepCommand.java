package io.github.mnistlab.cli;

import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.data.MnistLoader;
import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunRecords;
import io.github.mnistlab.record.SweepRecord;
import io.github.mnistlab.run.EngineSettings;
import io.github.mnistlab.run.ExperimentRunner;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.LabJson;
import io.github.mnistlab.spec.Presets;
import io.github.mnistlab.spec.SweepPoint;
import io.github.mnistlab.spec.Sweeps;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        description = "Run a k × m (mlp) or depth × kernel (cnn) sweep, one run per point.")
final class SweepCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    TrainingOptions training;

    @Option(names = "--kind", required = true, description = "mlp (k × m) or cnn (depth × kernel).")
    String kind;

    @Option(names = "--out", required = true, description = "Directory for the points' runs and sweep.json.")
    Path out;

    @Option(names = "--preset", description = "Base preset (default: mlp for mlp, cnn-lenet for cnn).")
    String preset;

    @Option(names = "--k", defaultValue = "1,2,3", description = "mlp: hidden layer counts (default ${DEFAULT-VALUE}).")
    String ks;

    @Option(names = "--m", defaultValue = "10:100:30", description = "mlp: units per layer, from:to:step (default ${DEFAULT-VALUE}).")
    String ms;

    @Option(names = "--depths", defaultValue = "1,2,3", description = "cnn: conv + pool stage counts (default ${DEFAULT-VALUE}).")
    String depths;

    @Option(names = "--kernels", defaultValue = "3,5,7", description = "cnn: kernel sizes (default ${DEFAULT-VALUE}).")
    String kernels;






    @Override
    public Integer call() {
        boolean mlp = switch (kind.strip().toLowerCase(Locale.ROOT)) {
            case "mlp" -> true;
            case "cnn" -> false;
            default -> throw new IllegalArgumentException("--kind is '" + kind + "', expected mlp or cnn");
        };
        ExperimentSpec base = training.apply(Presets.get(preset != null ? preset : mlp ? "mlp" : "cnn-lenet").toBuilder())
                .build();
        List<SweepPoint> points = mlp ? Sweeps.mlp(base, Sweeps.list(ks), Sweeps.range(ms))
                : Sweeps.cnn(base, Sweeps.list(depths), Sweeps.list(kernels));
        PrintWriter printer = spec.commandLine().getOut();
        Consumer<String> log = line -> {
            printer.println(line);
            printer.flush();
        };
        MnistDataset data = MnistLoader.fromSystem(log).load();
        EngineSettings.threads(training.threads(mlp));
        ExperimentRunner runner = ExperimentRunner.create(training.device(), log, 10);
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            SweepPoint p = points.get(i);
            log.accept("sweep point " + (i + 1) + "/" + points.size() + ": " + p.id() + " " + p.coordinates());
            runs.add(runner.run(p.id(), p.spec(), data, out.resolve(p.id())));
        }
        SweepRecord record = SweepRecord.of(mlp ? "mlp" : "cnn", points, runs);
        try {
            RunRecords.writeAtomically(out.resolve("sweep.json"),
                    LabJson.gson().toJson(record).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + out.resolve("sweep.json"), e);
        }
        log.accept("sweep done: best point " + record.best() + ", " + out.resolve("sweep.json"));
        return 0;
    }
}
