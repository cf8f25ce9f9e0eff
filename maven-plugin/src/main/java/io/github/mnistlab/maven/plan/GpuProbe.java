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
     * After {@link #find()} found nothing: why it could not tell (a tool that did not answer within its
     * limit), or empty when it could (there is no GPU).
     */
    default Optional<String> unanswered() {
        return Optional.empty();
    }

    /** How long {@code nvidia-smi -L} may take before the probe gives up on it (a hung driver never answers). */
    Duration NVIDIA_SMI_LIMIT = Duration.ofSeconds(20);

    /**
     * The probe of this machine: {@code nvidia-smi -L} answering with a GPU line, else a non-empty
     * {@code /proc/driver/nvidia/gpus}.
     */
    static GpuProbe system() {
        return new NvidiaSmi("nvidia-smi", NVIDIA_SMI_LIMIT, Path.of("/proc/driver/nvidia/gpus"));
    }

    /** {@code nvidia-smi -L} (by {@code executable}, cut off after {@code limit}), then the driver's GPU list. */
    final class NvidiaSmi implements GpuProbe {
        private final String executable;
        private final Duration limit;
        private final Path driverList;
        private String unanswered;

        NvidiaSmi(String executable, Duration limit, Path driverList) {
            this.executable = executable;
            this.limit = limit;
            this.driverList = driverList;
        }

        @Override
        public Optional<String> find() {
            ShortCommand.Result r = new ShortCommand(List.of(executable, "-L"), null, limit).run();
            unanswered = r.status() == ShortCommand.Status.TIMED_OUT
                    ? "nvidia-smi -L did not answer within " + limit.toSeconds() + " s (a hung NVIDIA driver?)" : null;
            List<String> gpus = r.output().lines().filter(l -> l.startsWith("GPU ")).toList();
            if (!gpus.isEmpty()) {
                return Optional.of("nvidia-smi -L: " + gpus.get(0) + (gpus.size() > 1 ? " and " + (gpus.size() - 1) + " more" : ""));
            }
            return procDriver(driverList);
        }

        @Override
        public Optional<String> unanswered() {
            return Optional.ofNullable(unanswered);
        }
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
