package io.github.mnistlab.maven.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
        return () -> nvidiaSmi().or(() -> procDriver(Path.of("/proc/driver/nvidia/gpus")));
    }

    private static Optional<String> nvidiaSmi() {
        try {
            Process p = new ProcessBuilder("nvidia-smi", "-L").redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            if (p.exitValue() != 0) {
                return Optional.empty();
            }
            List<String> gpus = out.lines().filter(l -> l.startsWith("GPU ")).toList();
            return gpus.isEmpty() ? Optional.empty()
                    : Optional.of("nvidia-smi -L: " + gpus.get(0) + (gpus.size() > 1 ? " and " + (gpus.size() - 1) + " more" : ""));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
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
