package io.github.mnistlab.maven.fork;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The library's command line in a forked JVM. Whatever the caller's environment, the fork gets
 * {@link #OFFLINE_ENVIRONMENT}: DJL then contacts no address (no telemetry, no cloud metadata probe)
 * and libtorch's OpenMP threads do not spin while another process needs the cores. It also gets
 * {@link #ENGINE_DEFAULTS}, each unless the caller set that variable itself.
 */
public final class LabCliJvm {
    /** The command line's main class in {@code mnist-models}. */
    public static final String MAIN_CLASS = "io.github.mnistlab.cli.LabCli";

    /** Set in every fork, over the inherited environment. */
    public static final Map<String, String> OFFLINE_ENVIRONMENT = Map.of(
            "DJL_OFFLINE", "true",
            "OPT_OUT_TRACKING", "true",
            "OMP_WAIT_POLICY", "PASSIVE");

    /**
     * glibc malloc settings for libtorch in a JVM. libtorch's tensors come from malloc, and a JNI thread
     * allocates from a secondary arena, whose heaps glibc trims and maps afresh as tensors come and
     * go; every batch then page-faults its convolution buffers in again (measured: a 64×32×26×26
     * convolution took 22–25 ms instead of 13 ms). With a fixed mmap threshold and a high trim
     * threshold the freed buffers are reused. Read by glibc only (other C libraries ignore it).
     */
    public static final String ALLOCATOR_TUNABLES =
            "glibc.malloc.mmap_threshold=268435456:glibc.malloc.trim_threshold=1073741824:glibc.malloc.top_pad=67108864";

    /**
     * OpenMP threads of a passive wait policy go to sleep as soon as a parallel region ends, and a
     * CNN step runs dozens of short regions back to back, each then waking its threads through the
     * kernel. A short bounded spin (about a millisecond at most) keeps them ready between regions
     * without holding a core when training pauses (measured on LeNet with two threads: about 8%).
     */
    public static final String OPENMP_SPIN_COUNT = "100000";

    /** Set in every fork unless the caller's environment already has them. */
    public static final Map<String, String> ENGINE_DEFAULTS = Map.of(
            "GLIBC_TUNABLES", ALLOCATOR_TUNABLES,
            "GOMP_SPINCOUNT", OPENMP_SPIN_COUNT);

    private LabCliJvm() {
    }

    /**
     * A command that runs {@link #MAIN_CLASS} with the current JDK; give it its arguments with
     * {@link ForkCommand#withArguments(List)}.
     *
     * @param environment variables to set besides {@link #OFFLINE_ENVIRONMENT} (which wins)
     * @param engineDownload whether DJL may download its engine: only then {@code DJL_OFFLINE} is
     *                    {@code false} (the user's {@code lab.gpuDownload}; {@code OPT_OUT_TRACKING} stays set)
     */
    public static ForkCommand command(List<String> jvmArgs, Map<String, String> systemProperties, List<Path> classpath,
            Map<String, String> environment, Path workingDirectory, boolean engineDownload) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        ENGINE_DEFAULTS.forEach((name, value) -> {
            if (!env.containsKey(name) && System.getenv(name) == null) {
                env.put(name, value);
            }
        });
        env.putAll(OFFLINE_ENVIRONMENT);
        if (engineDownload) {
            env.put("DJL_OFFLINE", "false");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ForkCommand(java, withNativeAccess(jvmArgs, Runtime.version().feature()), systemProperties, classpath,
                MAIN_CLASS, List.of(), env, workingDirectory);
    }

    /**
     * {@code jvmArgs} with {@code --enable-native-access=ALL-UNNAMED} added for a JDK of {@code feature}
     * 22 or later (the trainer loads libtorch through JNA's {@code System.load}, which JDK 24 and later
     * warn about on every fork otherwise), unless the user's arguments already decide it.
     */
    static List<String> withNativeAccess(List<String> jvmArgs, int feature) {
        if (feature < 22 || jvmArgs.stream().anyMatch(a -> a.startsWith("--enable-native-access"))) {
            return jvmArgs;
        }
        List<String> out = new ArrayList<>(jvmArgs);
        out.add("--enable-native-access=ALL-UNNAMED");
        return out;
    }
}
