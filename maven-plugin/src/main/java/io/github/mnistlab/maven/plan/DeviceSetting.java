package io.github.mnistlab.maven.plan;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code lab.device} setting: {@code auto} (a GPU when its engine can start, else the CPU),
 * {@code cpu} or {@code gpu} (the GPU or a failed build). {@link #choose} turns it into what the
 * forked trainer gets, once per build, with the reason for the log.
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

    /** Whether DJL may download a CUDA build of libtorch that its cache lacks. */
    public enum EngineDownload {
        /** {@code lab.gpuDownload} is on (the default) and Maven is online. */
        ALLOWED,
        /** {@code lab.gpuDownload} is turned off. */
        NOT_ASKED,
        /** Maven runs offline ({@code -o}), which forbids it whatever the switch says. */
        OFFLINE;

        /** From the switch and Maven's offline mode. */
        public static EngineDownload of(boolean switchOn, boolean offline) {
            return offline ? OFFLINE : switchOn ? ALLOWED : NOT_ASKED;
        }
    }

    /**
     * Where the trainer runs and with which libtorch. A GPU is used only when its engine can start: DJL
     * sees it (a CUDA runtime and driver it can use) and the CUDA build of libtorch is in DJL's cache,
     * or DJL may download it. Otherwise {@code auto} trains on the CPU with a warning that says how to
     * get the GPU path, and {@code gpu} fails with the same reason.
     *
     * @param probe    finds NVIDIA GPUs without any engine (asked unless the setting is {@code cpu})
     * @param engine   what DJL's engine would find (asked only when the probe found a GPU)
     * @param download whether DJL may download libtorch
     * @throws IllegalArgumentException for {@code gpu} when the GPU cannot be used, naming why and the fix
     */
    public ForkDevice choose(GpuProbe probe, Supplier<GpuCheck> engine, EngineDownload download) {
        if (this == CPU) {
            return ForkDevice.cpu("lab.device is cpu", false);
        }
        Optional<String> listed = probe.find();
        if (listed.isEmpty()) {
            Optional<String> unanswered = probe.unanswered();
            if (this == GPU) {
                String why = unanswered.map(u -> u + ", and /proc/driver/nvidia/gpus lists none").orElse("this machine"
                        + " has no NVIDIA GPU (nvidia-smi -L failed and /proc/driver/nvidia/gpus lists none)");
                throw new IllegalArgumentException("lab.device is gpu, but " + why + "; install the NVIDIA driver, or"
                        + " use -Dlab.device=auto or cpu");
            }
            return unanswered.map(u -> ForkDevice.cpu(u + "; training on the CPU. For the GPU: repair the NVIDIA"
                    + " driver until nvidia-smi -L lists the GPU", true))
                    .orElse(ForkDevice.cpu("no NVIDIA GPU found", false));
        }
        GpuCheck check = engine.get();
        if (check.gpus() == 0) {
            return cannotUse(listed.get() + ", but DJL finds no usable CUDA runtime (libcudart of CUDA 12 is not on"
                    + " the library path, or the driver is too old for it)", "install the NVIDIA driver and the CUDA 12"
                    + " runtime (the CUDA toolkit, or its cudart library alone) so that DJL can load libcudart");
        }
        String found = listed.get() + ", CUDA " + check.cudaRuntime() + " runtime";
        if (check.flavor().isEmpty()) {
            return cannotUse(found + ", but DJL's PyTorch engine carries no CUDA build of libtorch "
                    + check.libtorchVersion() + " for this platform", "train on Linux or Windows on x86-64");
        }
        String build = "libtorch " + check.libtorchVersion() + " " + check.flavor();
        if (check.cached()) {
            return new ForkDevice(cliDevice(), true, Map.of("PYTORCH_LIBRARY_PATH", check.libtorchDir(),
                    "PYTORCH_FLAVOR", check.flavor()), false, found + "; " + build + " from DJL's cache "
                    + check.libtorchDir(), false);
        }
        if (download == EngineDownload.ALLOWED) {
            return new ForkDevice(cliDevice(), true, Map.of(), true, found + "; " + build + " is not in DJL's cache yet:"
                    + " DJL downloads it once (about 2.5 GB) into " + check.libtorchDir() + " (lab.gpuDownload)", false);
        }
        return cannotUse(found + ", but " + build + " (the CUDA build of the engine, about 2.5 GB) is not in DJL's"
                + " cache " + check.libtorchDir(), download == EngineDownload.OFFLINE
                        ? "Maven runs offline (-o): run once online to let DJL download it"
                        : "run once without -Dlab.gpuDownload=false to let DJL download it");
    }

    private String cliDevice() {
        return this == GPU ? "gpu" : "auto";
    }

    private ForkDevice cannotUse(String why, String fix) {
        if (this == GPU) {
            throw new IllegalArgumentException("lab.device is gpu, but the GPU cannot be used: " + why + "; " + fix
                    + ", or use -Dlab.device=auto or cpu");
        }
        return ForkDevice.cpu(why + "; training on the CPU. For the GPU: " + fix, true);
    }

    /**
     * What the trainer is told.
     *
     * @param cliDevice      the {@code --device} value of the library's command line
     * @param gpu            whether it trains on a GPU: then the CPU build of libtorch stays off the
     *                       class path, so that DJL loads a CUDA build
     * @param environment    variables for the fork, e.g. {@code PYTORCH_LIBRARY_PATH} of the cached CUDA build
     * @param engineDownload whether DJL may download libtorch ({@code DJL_OFFLINE=false} in the fork)
     * @param reason         what was found and why this device, for the log
     * @param warning        whether the reason is a warning (a GPU that could not be used)
     */
    public record ForkDevice(String cliDevice, boolean gpu, Map<String, String> environment, boolean engineDownload,
            String reason, boolean warning) {
        public ForkDevice {
            environment = Map.copyOf(environment);
        }

        /** Training on the CPU. */
        public static ForkDevice cpu(String reason, boolean warning) {
            return new ForkDevice("cpu", false, Map.of(), false, reason, warning);
        }
    }
}
