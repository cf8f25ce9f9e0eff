package io.github.mnistlab.maven.plan;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code lab.device} setting: {@code auto} (a GPU when this machine has one, else the CPU),
 * {@code cpu} or {@code gpu}. {@link #choose(GpuProbe)} turns it into what the forked trainer gets.
 */
public enum DeviceSetting {
    AUTO,
    CPU,
    GPU;

    /** Parses {@code auto|cpu|gpu}, case-insensitively. */
    public static DeviceSetting parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("lab.device is '" + value + "', expected auto, cpu or gpu");
        }
    }

    /**
     * Where the trainer runs and with which libtorch.
     *
     * @throws IllegalArgumentException for {@code gpu} on a machine without one
     */
    public ForkDevice choose(GpuProbe probe) {
        if (this == CPU) {
            return new ForkDevice("cpu", true, "lab.device is cpu");
        }
        Optional<String> gpu = probe.find();
        if (gpu.isPresent()) {
            return new ForkDevice(this == GPU ? "gpu" : "auto", false, "GPU found (" + gpu.get() + ")");
        }
        if (this == GPU) {
            throw new IllegalArgumentException("lab.device is gpu, but this machine has no GPU (nvidia-smi -L failed"
                    + " and /proc/driver/nvidia/gpus lists none); use -Dlab.device=auto or cpu");
        }
        return new ForkDevice("cpu", true, "no GPU found");
    }

    /**
     * What the trainer is told.
     *
     * @param cliDevice  the {@code --device} value of the library's command line
     * @param cpuNatives whether the CPU build of libtorch ({@code pytorch-native-cpu}) goes on the
     *                   classpath; without it DJL loads a CUDA build from its cache or
     *                   {@code PYTORCH_LIBRARY_PATH}
     * @param reason     why, for the log
     */
    public record ForkDevice(String cliDevice, boolean cpuNatives, String reason) {
    }
}
