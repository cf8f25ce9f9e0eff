package io.github.mnistlab.maven;

import io.github.mnistlab.maven.fork.ForkCommand;
import io.github.mnistlab.maven.fork.ForkFailure;
import io.github.mnistlab.maven.fork.ForkTimeout;
import io.github.mnistlab.maven.fork.JavaFork;
import io.github.mnistlab.maven.fork.LabCliJvm;
import io.github.mnistlab.maven.fork.NativePlatform;
import io.github.mnistlab.maven.plan.DeviceSetting.EngineDownload;
import io.github.mnistlab.maven.plan.DeviceSetting.ForkDevice;
import io.github.mnistlab.maven.plan.DeviceSetting;
import io.github.mnistlab.maven.plan.GpuCheck;
import io.github.mnistlab.maven.plan.GpuProbe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
     * Where to train: {@code auto} uses a GPU when its engine can start — an NVIDIA GPU is listed
     * ({@code nvidia-smi -L}, {@code /proc/driver/nvidia/gpus}), DJL finds a CUDA runtime for it, and
     * the CUDA build of libtorch is in DJL's cache ({@code ~/.djl.ai/pytorch}) or may be downloaded
     * ({@code lab.gpuDownload}) — else the CPU, with a warning saying what is missing. {@code cpu}
     * forces the CPU; {@code gpu} fails before training when the GPU cannot be used, naming why. A GPU
     * trainer whose engine does not start is run again on the CPU (under {@code auto}).
     *
     * <pre>{@code <device>cpu</device>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.device", defaultValue = "auto")
    private String device;

    /**
     * Lets DJL download the CUDA build of libtorch (about 2.5 GB, once, into {@code ~/.djl.ai/pytorch})
     * when a usable GPU is found and the build is not in DJL's cache yet, so that {@code lab.device=auto}
     * trains on the GPU. On by default; with it off (or under Maven's offline mode, {@code -o}, which
     * always forbids the download) a trainer contacts no address and a GPU whose build is not cached
     * is left for the CPU, with a warning. Tests and CI turn it off.
     *
     * <pre>{@code mvn verify -Dlab.gpuDownload=false}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.gpuDownload", defaultValue = "true")
    private boolean gpuDownload;

    /**
     * The longest one forked trainer may run (one experiment, or one whole sweep): {@code 90s},
     * {@code 30m}, {@code 2h} or seconds. A fork that runs longer is stopped and the build fails naming
     * the experiment and the limit, so that a hung fork cannot hold a CI job until its own timeout.
     * Default: no limit.
     *
     * <pre>{@code mvn verify -Dlab.forkTimeout=45m}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.forkTimeout")
    private String forkTimeout;

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

    /** This machine's platform, checked when the trainer fork is set up. */
    private NativePlatform platform;

    /**
     * The trainer fork: the device decided once per build (logged in one line: what was found, what is
     * used, why; the build's later goals reuse the decision) and the class path for it. Fails on a
     * platform without a CPU build of libtorch, and for {@code gpu} when the GPU cannot be used.
     */
    protected final TrainerFork trainerFork() throws MojoExecutionException {
        platform = NativePlatform.current();
        Object decided = session.getRepositorySession().getData().get(decisionKey());
        if (decided instanceof ForkDevice known) {
            getLog().debug("Device: " + known.cliDevice() + " (decided earlier in this build)");
            return new TrainerFork(known);
        }
        ForkDevice chosen = DeviceSetting.parse(device).choose(GpuProbe.system(), this::gpuCheck,
                EngineDownload.of(gpuDownload, session.isOffline()));
        String line = "Device: " + chosen.cliDevice() + " (" + chosen.reason() + ")";
        if (chosen.warning()) {
            getLog().warn(line);
        } else {
            getLog().info(line);
        }
        session.getRepositorySession().getData().set(decisionKey(), chosen);
        return new TrainerFork(chosen);
    }

    /** The build-wide key of the device decision for these settings. */
    private String decisionKey() {
        return "mnist-lab.device/" + device + "/" + gpuDownload + "/" + session.isOffline();
    }

    /** What DJL would find for a GPU, asked from a fork with the trainer's GPU class path. */
    private GpuCheck gpuCheck() {
        List<String> lines = new ArrayList<>();
        try {
            LibraryClasspath gpuClasspath = forkClasspath(false);
            JavaFork.run(labCli(gpuClasspath, ForkDevice.cpu("", false)).withArguments(List.of("gpu-check")),
                    lines::add, getLog()::debug);
            return GpuCheck.parse(lines);
        } catch (ForkFailure | MojoExecutionException | IllegalArgumentException e) {
            getLog().warn("The GPU check of DJL's engine failed (" + e.getMessage() + "); treating the GPU as unusable");
            return new GpuCheck(0, "", "", "", "", false);
        }
    }

    /** The class path of the forked command line, with or without the CPU build of libtorch for this platform. */
    private LibraryClasspath forkClasspath(boolean cpuNatives) throws MojoExecutionException {
        return LibraryClasspath.resolve(plugin, repositorySystem, session.getRepositorySession(),
                project().getRemotePluginRepositories(), cpuNatives ? platform : null);
    }

    /**
     * The library's command line forked on one device. When it runs on a GPU under {@code lab.device=auto}
     * and its engine cannot start there, the work is done again on the CPU (with a warning), and so is
     * the rest of the build's.
     */
    protected final class TrainerFork {
        private ForkDevice device;
        private LibraryClasspath classpath;
        private ForkCommand command;

        private TrainerFork(ForkDevice device) throws MojoExecutionException {
            use(device);
        }

        private void use(ForkDevice chosen) throws MojoExecutionException {
            device = chosen;
            classpath = forkClasspath(!chosen.gpu());
            command = labCli(classpath, chosen);
        }

        /** The class path (its library identity goes into the up-to-date fingerprints). */
        public LibraryClasspath classpath() {
            return classpath;
        }

        /**
         * Runs the command line to its end, its output in the build log.
         *
         * @param arguments the arguments for a {@code --device} value
         * @param what      names the work in messages, e.g. {@code experiment 'digits'}
         * @throws MojoFailureException with the command line's own message for a mistake the user can fix
         * @throws MojoExecutionException when the fork crashed
         */
        public void run(Function<String, List<String>> arguments, String what)
                throws MojoExecutionException, MojoFailureException {
            try {
                JavaFork.run(command.withArguments(arguments.apply(device.cliDevice())), ForkTimeout.parse(forkTimeout),
                        getLog()::info, getLog()::warn);
            } catch (ForkFailure e) {
                if (e.engineError() && device.gpu() && !"gpu".equals(device.cliDevice())) {
                    getLog().warn(what + ": " + e.getMessage() + "; training it, and the rest of this build, on the CPU");
                    use(ForkDevice.cpu("the GPU engine could not start", true));
                    session.getRepositorySession().getData().set(decisionKey(), device);
                    run(arguments, what);
                    return;
                }
                fail(e, what);
            }
        }
    }

    private static void fail(ForkFailure e, String what) throws MojoExecutionException, MojoFailureException {
        if (e.userError() || e.timedOut()) {
            throw new MojoFailureException(what + ": " + e.getMessage());
        }
        if (e.engineError()) {
            throw new MojoFailureException(what + ": " + e.getMessage() + "; check the NVIDIA driver and CUDA runtime,"
                    + " or use -Dlab.device=auto or cpu");
        }
        throw new MojoExecutionException(what + ": the forked trainer failed: " + e.getMessage());
    }

    /** The forked command line on {@code classpath} for {@code device}, without arguments yet. */
    private ForkCommand labCli(LibraryClasspath classpath, ForkDevice device) {
        Map<String, String> properties = new LinkedHashMap<>();
        putDirectory(properties, "lab.dataDir", dataDir);
        putDirectory(properties, "lab.cacheDir", cacheDir);
        if (mirrors != null && !mirrors.isBlank()) {
            properties.put("lab.mirrors", mirrors.strip());
        }
        if (session.isOffline()) {
            properties.put("lab.offline", "true");
        }
        Map<String, String> environment = new LinkedHashMap<>(device.environment());
        if (devices != null && !devices.isBlank()) {
            environment.put("CUDA_VISIBLE_DEVICES", devices.strip());
        }
        List<String> options = jvmArgs == null ? List.of()
                : Arrays.stream(jvmArgs.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        ForkCommand command = LabCliJvm.command(options, properties, classpath.jars(), environment,
                project().getBasedir().toPath(), device.engineDownload());
        getLog().debug("Trainer JVM: " + String.join(" ", command.commandLine()));
        return command;
    }

    /**
     * Passes a directory on, relative to the project. A String parameter rather than a File: an empty
     * property ({@code <lab.dataDir/>}) then means "unset" instead of the project directory.
     */
    private void putDirectory(Map<String, String> properties, String name, String directory) {
        Path resolved = projectPath(directory);
        if (resolved != null) {
            properties.put(name, resolved.toString());
        }
    }
}
