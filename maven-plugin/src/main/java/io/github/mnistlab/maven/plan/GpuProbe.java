package io.github.mnistlab.maven.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds out whether this machine has an NVIDIA GPU, without starting any engine: Maven's JVM must
 * not load libtorch. An interface so that the device choice can be tested on any machine.
 */
@FunctionalInterface
public interface GpuProbe {
    /** A short description of the GPUs found (e.g. {@code GPU 0: NVIDIA H100}), or empty when there is none. */
    Optional<String> find();

    /**
     * The probe of this machine: {@code nvidia-smi -L} succeeding with a GPU line, else a non-empty
     * {@code /proc/driver/nvidia/gpus}.
     */
    static GpuProbe system() {
        return () -> nvidiaSmi("nvidia-smi", NVIDIA_SMI_LIMIT).or(() -> procDriver(Path.of("/proc/driver/nvidia/gpus")));
    }

    /** How long {@code nvidia-smi -L} may take before the probe gives up on it (a hung driver never answers). */
    Duration NVIDIA_SMI_LIMIT = Duration.ofSeconds(20);

    /** The first GPU line of {@code executable -L}, or empty when it fails, lists none or runs past {@code limit}. */
    static Optional<String> nvidiaSmi(String executable, Duration limit) {
        return new ShortCommand(List.of(executable, "-L"), null, limit).output().flatMap(out -> {
            List<String> gpus = out.lines().filter(l -> l.startsWith("GPU ")).toList();
            return gpus.isEmpty() ? Optional.empty()
                    : Optional.of("nvidia-smi -L: " + gpus.get(0) + (gpus.size() > 1 ? " and " + (gpus.size() - 1) + " more" : ""));
        });
    }

    private static Optional<String> procDriver(Path gpus) {
        if (!Files.isDirectory(gpus)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(gpus)) {
            long count = entries.count();
            return count == 0 ? Optional.empty() : Optional.of(gpus + " lists " + count + " GPU(s)");
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
