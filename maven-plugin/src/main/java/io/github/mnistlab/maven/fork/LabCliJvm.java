package io.github.mnistlab.maven.fork;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The library's command line in a forked JVM. Whatever the caller's environment, the fork gets
 * {@link #OFFLINE_ENVIRONMENT}: DJL then contacts no address (no telemetry, no cloud metadata probe)
 * and libtorch's OpenMP threads do not spin while another process needs the cores.
 */
public final class LabCliJvm {
    /** The command line's main class in {@code mnist-models}. */
    public static final String MAIN_CLASS = "io.github.mnistlab.cli.LabCli";

    /** Set in every fork, over the inherited environment. */
    public static final Map<String, String> OFFLINE_ENVIRONMENT = Map.of(
            "DJL_OFFLINE", "true",
            "OPT_OUT_TRACKING", "true",
            "OMP_WAIT_POLICY", "PASSIVE");

    private LabCliJvm() {
    }

    /**
     * A command that runs {@link #MAIN_CLASS} with the current JDK; give it its arguments with
     * {@link ForkCommand#withArguments(List)}.
     *
     * @param environment variables to set besides {@link #OFFLINE_ENVIRONMENT} (which wins)
     */
    public static ForkCommand command(List<String> jvmArgs, Map<String, String> systemProperties, List<Path> classpath,
            Map<String, String> environment, Path workingDirectory) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(OFFLINE_ENVIRONMENT);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ForkCommand(java, jvmArgs, systemProperties, classpath, MAIN_CLASS, List.of(), env, workingDirectory);
    }
}
