package io.github.mnistlab.cli;

import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.data.MnistLoader;
import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.run.EngineSettings;
import io.github.mnistlab.run.ExperimentRunner;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.ModelKind;
import io.github.mnistlab.spec.Presets;
import io.github.mnistlab.spec.SpecFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run}: trains a preset or a spec file into a run directory ({@code run.json} plus the kept
 * parameters), with overrides for the common values. This is what the Maven plugin forks.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a preset or a spec file and write run.json and the parameters into --out.")
final class RunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final class Source {
        @Option(names = "--preset", description = "A preset: mlp, mlp-scratch, cnn-small, cnn-lenet, cnn-wide,"
                + " adder-transfer, adder-scratch (the labs), or mlp-plus, cnn-plus, adder-transfer-plus,"
                + " adder-scratch-plus (improved).")
        String preset;

        @Option(names = "--spec", description = "A JSON spec file: {\"preset\": …, fields to change…}.")
        Path specFile;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--out", required = true, description = "The run directory to write.")
    Path out;

    @Option(names = "--id", description = "The run's name (default: the --out directory's name).")
    String id;



    @Mixin
    TrainingOptions training;

    @Option(names = "--batch-size", description = "Override: batch size.")
    Integer batchSize;

    @Option(names = "--learning-rate", description = "Override: learning rate.")
    Float learningRate;


    @Option(names = "--pretrained", description = "adder-transfer: the run directory of the digit classifier to reuse.")
    Path pretrained;



    @Option(names = "--progress-seconds", defaultValue = "5",
            description = "Seconds between progress lines within an epoch (default ${DEFAULT-VALUE}).")
    double progressSeconds;

    @Override
    public Integer call() {
        ExperimentSpec experiment = resolveSpec();
        train(experiment, out, id != null ? id : out.getFileName().toString(), training, progressSeconds,
                spec.commandLine().getOut());
        return 0;
    }

    private ExperimentSpec resolveSpec() {
        ExperimentSpec base = source.preset != null ? Presets.get(source.preset) : SpecFiles.read(source.specFile);
        ExperimentSpec.Builder b = training.apply(base.toBuilder());
        if (batchSize != null) {
            b.batchSize(batchSize);
        }
        if (learningRate != null) {
            b.learningRate(learningRate);
        }
        if (pretrained != null) {
            b.pretrained(pretrained.toString());
        }
        return b.build().validate();
    }

    /** Loads MNIST, sets the engine threads for the model's size and trains {@code experiment} into {@code runDir}. */
    static RunRecord train(ExperimentSpec experiment, Path runDir, String runId, TrainingOptions options,
            double progressSeconds, PrintWriter out) {
        java.util.function.Consumer<String> log = line -> {
            out.println(line);
            out.flush();
        };
        MnistDataset data = MnistLoader.fromSystem(log).load();
        boolean mlp = experiment.model() == ModelKind.MLP || experiment.model() == ModelKind.MLP_SCRATCH;
        EngineSettings.threads(options.threads(mlp));
        return ExperimentRunner.create(options.device(), log, progressSeconds).run(runId, experiment, data, runDir);
    }
}
