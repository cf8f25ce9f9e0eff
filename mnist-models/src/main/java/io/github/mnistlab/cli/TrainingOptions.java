package io.github.mnistlab.cli;

import io.github.mnistlab.run.DeviceChoice;
import io.github.mnistlab.run.EngineSettings;
import io.github.mnistlab.spec.ExperimentSpec;
import picocli.CommandLine.Option;

/** The options {@code run} and {@code sweep} share: quick-mode overrides, the device and the engine threads. */
final class TrainingOptions {
    @Option(names = "--epochs", description = "Override: epochs.")
    Integer epochs;

    @Option(names = "--limit", description = "Override: train on this many digits only (0 = all).")
    Integer limit;

    @Option(names = "--seed", description = "Override: seed.")
    Long seed;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", description = "Engine intra-op threads (default: 1 for MLPs, 2 for CNNs).")
    Integer threads;

    /** Applies the overrides that were given to {@code spec}. */
    ExperimentSpec.Builder apply(ExperimentSpec.Builder spec) {
        return spec.overrides(epochs, limit, seed);
    }

    DeviceChoice device() {
        return DeviceChoice.parse(device);
    }

    /** The intra-op threads: as given, else 1 for an MLP and 2 (at most the cores) for a CNN. */
    int threads(boolean mlp) {
        return EngineSettings.threads(threads, mlp);
    }
}
