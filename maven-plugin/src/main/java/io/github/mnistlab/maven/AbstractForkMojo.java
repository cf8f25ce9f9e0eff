package io.github.mnistlab.maven;

import io.github.mnistlab.maven.fork.ForkCommand;
import io.github.mnistlab.maven.fork.ForkFailure;
import io.github.mnistlab.maven.fork.JavaFork;
import io.github.mnistlab.maven.fork.LabCliJvm;
import io.github.mnistlab.maven.plan.DeviceSetting;
import io.github.mnistlab.maven.plan.DeviceSetting.ForkDevice;
import io.github.mnistlab.maven.plan.GpuProbe;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * The goals that run the library's command line in a forked JVM ({@code train}, {@code sweep},
 * {@code predict}): its JVM options, device and data location. The fork always runs with
 * {@code DJL_OFFLINE=true}, {@code OPT_OUT_TRACKING=true} and {@code OMP_WAIT_POLICY=PASSIVE}.
 */
public abstract class AbstractForkMojo extends AbstractLabMojo {
    /**
     * Options of the forked JVM, separated by spaces. Training needs native memory more than heap.
     *
     * <pre>{@code <jvmArgs>-Xmx4g -XX:+UseParallelGC</jvmArgs>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.jvmArgs", defaultValue = "-Xmx2g")
    private String jvmArgs;

    /**
     * Where to train: {@code auto} uses a GPU when this machine has one ({@code nvidia-smi -L} succeeds
     * or {@code /proc/driver/nvidia/gpus} lists one), else the CPU; {@code cpu} forces the CPU; {@code gpu}
     * fails when there is no GPU. On a GPU the fork's class path leaves out the CPU build of libtorch, so
     * DJL loads a CUDA build: with {@code DJL_OFFLINE=true} it must be in DJL's cache ({@code ~/.djl.ai})
     * or named by the environment variable {@code PYTORCH_LIBRARY_PATH}.
     *
     * <pre>{@code <device>cpu</device>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.device", defaultValue = "auto")
    private String device;

    /**
     * The GPUs the forked trainer may see, as {@code CUDA_VISIBLE_DEVICES}, e.g. {@code 0,1}; it trains on
     * the first. Lets jobs sharing a multi-GPU machine use one GPU each.
     *
     * <pre>{@code <devices>1</devices>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.devices")
    private String devices;

    /**
     * A directory holding the four MNIST IDX files (raw or {@code .gz}); then the only source of data.
     * Unset, the library looks in its cache ({@code ~/.cache/mnist-lab/mnist}), then fetches the files
     * (not when Maven is offline).
     *
     * <pre>{@code <dataDir>/data/mnist</dataDir>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.dataDir")
    private String dataDir;

    /**
     * The library's MNIST cache directory; default {@code $XDG_CACHE_HOME/mnist-lab/mnist} or
     * {@code ~/.cache/mnist-lab/mnist}.
     *
     * <pre>&lt;cacheDir&gt;${user.home}/mnist-cache&lt;/cacheDir&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.cacheDir")
    private String cacheDir;

    /**
     * The MNIST mirror addresses the library may fetch from, comma-separated, replacing its list;
     * {@code none} for no mirror.
     *
     * <pre>{@code <mirrors>none</mirrors>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.mirrors")
    private String mirrors;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Inject
    private RepositorySystem repositorySystem;

    /** The device the fork is told to use; fails for {@code gpu} on a machine without one. */
    protected final ForkDevice forkDevice() throws MojoFailureException {
        try {
            ForkDevice chosen = DeviceSetting.parse(device).choose(GpuProbe.system());
            getLog().info("Device: " + chosen.cliDevice() + " (" + chosen.reason() + ")");
            return chosen;
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    /** The class path of the forked command line for {@code device}. */
    protected final LibraryClasspath classpath(ForkDevice device) throws MojoExecutionException {
        return LibraryClasspath.resolve(plugin, repositorySystem, session.getRepositorySession(),
                project().getRemotePluginRepositories(), device.cpuNatives());
    }

    /** The forked command line on {@code classpath}, without arguments yet. */
    protected final ForkCommand labCli(LibraryClasspath classpath) {
        Map<String, String> properties = new LinkedHashMap<>();
        putDirectory(properties, "lab.dataDir", dataDir);
        putDirectory(properties, "lab.cacheDir", cacheDir);
        if (mirrors != null && !mirrors.isBlank()) {
            properties.put("lab.mirrors", mirrors.strip());
        }
        if (session.isOffline()) {
            properties.put("lab.offline", "true");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        if (devices != null && !devices.isBlank()) {
            environment.put("CUDA_VISIBLE_DEVICES", devices.strip());
        }
        List<String> options = jvmArgs == null ? List.of()
                : Arrays.stream(jvmArgs.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        ForkCommand command = LabCliJvm.command(options, properties, classpath.jars(), environment,
                project().getBasedir().toPath());
        getLog().debug("Trainer JVM: " + String.join(" ", command.commandLine()));
        return command;
    }

    /**
     * Runs the fork to its end, its output in the build log.
     *
     * @param what names the work in messages, e.g. {@code experiment 'digits'}
     * @throws MojoFailureException with the command line's own message for a mistake the user can fix
     * @throws MojoExecutionException when the fork crashed
     */
    protected final void fork(ForkCommand command, String what) throws MojoExecutionException, MojoFailureException {
        try {
            JavaFork.run(command, getLog()::info, getLog()::warn);
        } catch (ForkFailure e) {
            if (e.userError()) {
                throw new MojoFailureException(what + ": " + e.getMessage());
            }
            throw new MojoExecutionException(what + ": the forked trainer failed: " + e.getMessage());
        }
    }

    /**
     * Passes a directory on, relative to the project. A String parameter rather than a File: an empty
     * property ({@code <lab.dataDir/>}) then means "unset" instead of the project directory.
     */
    private void putDirectory(Map<String, String> properties, String name, String directory) {
        if (directory != null && !directory.isBlank()) {
            properties.put(name, project().getBasedir().toPath().resolve(directory.strip()).toString());
        }
    }
}
