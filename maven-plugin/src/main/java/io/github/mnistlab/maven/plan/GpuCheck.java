package io.github.mnistlab.maven.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What DJL's PyTorch engine would find for a GPU, as the library's {@code gpu-check} command reports it
 * from a forked JVM with the trainer's GPU class path (so the plugin and the engine agree): the GPUs
 * and CUDA runtime DJL's CUDA utilities see, and the CUDA build of libtorch this DJL loads.
 *
 * @param gpus            GPUs DJL sees (0 when no CUDA runtime or driver is usable)
 * @param cudaVersion     the CUDA runtime's version as DJL writes it, e.g. {@code 128}, or empty
 * @param libtorchVersion e.g. {@code 2.7.1}
 * @param flavor          the CUDA build whose JNI bridge this DJL carries, e.g. {@code cu128}, or empty
 * @param libtorchDir     where DJL keeps that build ({@code ~/.djl.ai/pytorch/2.7.1-cu128-linux-x86_64})
 * @param cached          whether the build is there
 */
public record GpuCheck(int gpus, String cudaVersion, String libtorchVersion, String flavor, String libtorchDir,
        boolean cached) {

    /**
     * Reads the command's {@code key=value} lines.
     *
     * @throws IllegalArgumentException when a key is missing or a number is not one
     */
    public static GpuCheck parse(List<String> lines) {
        Map<String, String> values = new HashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        try {
            return new GpuCheck(Integer.parseInt(required(values, "gpus")), required(values, "cudaVersion"),
                    required(values, "libtorchVersion"), required(values, "flavor"), required(values, "libtorchDir"),
                    Boolean.parseBoolean(required(values, "cached")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the GPU check printed gpus=" + values.get("gpus") + ", expected a number");
        }
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the GPU check printed no " + key + "= line");
        }
        return value;
    }

    /** The CUDA runtime version for people, e.g. {@code 12.8} for {@code 128}. */
    public String cudaRuntime() {
        return cudaVersion.length() >= 2 ? cudaVersion.substring(0, cudaVersion.length() - 1) + "."
                + cudaVersion.substring(cudaVersion.length() - 1) : cudaVersion;
    }
}
