package io.github.mnistlab.cli;

import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.Presets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smoke}: the engine check. Trains the LeNet-style CNN of the labs (preset {@code cnn-lenet})
 * on the full 60k training set and prints the 10k test accuracy and where the data came from.
 */
@Command(name = "smoke", mixinStandardHelpOptions = true,
        description = "Train the LeNet-style CNN on real MNIST and print its test accuracy.")
final class SmokeCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--epochs", defaultValue = "1", description = "Epochs to train (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--out", defaultValue = "target/lab/runs/smoke",
            description = "Run directory to write (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--device", defaultValue = "cpu", description = "auto, cpu or gpu (default ${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() {
        ExperimentSpec lenet = Presets.get("cnn-lenet").toBuilder().epochs(epochs).build().validate();
        PrintWriter printer = spec.commandLine().getOut();
        TrainingOptions options = new TrainingOptions();
        options.device = device;
        RunRecord record = RunCommand.train(lenet, out, "smoke", options, 5, printer);
        printer.printf(Locale.ROOT, "test accuracy: %.4f on %d test digits (data: %s)%n",
                record.test().accuracy(), record.test().samples(), record.provenance().dataSource());
        printer.flush();
        return 0;
    }
}
