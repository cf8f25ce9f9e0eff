package io.github.mnistlab.bench;

import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.data.MnistLoader;
import io.github.mnistlab.run.EngineSettings;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.ModelKind;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * The options of the commands that train a preset's first steps ({@code verify}, {@code stress}):
 * which preset, how many steps, how many engine threads; and the set-up they share.
 */
public final class TraceOptions {
    @Option(names = "--preset", required = true, description = "A DJL digit classifier: cnn-lenet, cnn-small,"
            + " cnn-wide, cnn-plus, mlp, mlp-plus.")
    String preset;

    @Option(names = "--steps", defaultValue = "200", description = "Training steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--threads", description = "Engine intra-op threads (default: 1 for MLPs, 2 for CNNs).")
    Integer threads;

    public String preset() {
        return preset;
    }

    public int steps() {
        return steps;
    }

    /** Sets the engine's threads for {@code spec} (as given, else the product's default) and returns them. */
    public int applyThreads(ExperimentSpec spec) {
        int intraOp = EngineSettings.threads(threads, spec.model() == ModelKind.MLP);
        EngineSettings.threads(intraOp);
        return intraOp;
    }

    /** MNIST, with the loader's progress as comment lines on {@code out}. */
    public static MnistDataset load(PrintWriter out) {
        return MnistLoader.fromSystem(line -> {
            out.println("# " + line);
            out.flush();
        }).load();
    }
}
