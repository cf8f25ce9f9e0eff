package io.github.mnistlab.maven;

import io.github.mnistlab.maven.plan.Overrides;
import io.github.mnistlab.maven.plan.UpToDate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that train ({@code train}, {@code sweep}): the quick-mode overrides, {@code lab.force},
 * and forking into an output directory whose inputs are then recorded for the up-to-date check.
 */
public abstract class AbstractTrainingMojo extends AbstractForkMojo {
    /**
     * Epochs of every experiment and sweep, replacing their own: quick mode for CI.
     *
     * <pre>{@code mvn verify -Dlab.epochs=1 -Dlab.limit=10000}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.epochs")
    private Integer epochs;

    /**
     * Training digits of every experiment and sweep, replacing their own (0 = all).
     *
     * <pre>{@code <limit>10000</limit>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.limit")
    private Integer limit;

    /**
     * Trains even what is up to date.
     *
     * <pre>{@code mvn verify -Dlab.force}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.force", defaultValue = "false")
    private boolean force;

    /**
     * The engine's intra-op threads in the fork; default: 1 for MLPs, 2 for CNNs.
     *
     * <pre>{@code <threads>4</threads>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.threads")
    private Integer threads;

    /** The quick-mode overrides; a bad value is named. */
    protected final Overrides overrides() {
        return new Overrides(epochs, limit);
    }

    /** {@code --threads N} when set, for the {@code run} and {@code sweep} commands. */
    protected final List<String> threadOptions() {
        return threads == null ? List.of() : List.of("--threads", threads.toString());
    }

    protected final boolean force() {
        return force;
    }

    /**
     * Runs the command line with {@code arguments} on {@code trainer}; it writes {@code dir}, where
     * {@code fingerprint} is then recorded. The old fingerprint is removed first, so that an
     * interrupted run is stale next time.
     */
    protected final void forkInto(Path dir, String fingerprint, TrainerFork trainer,
            Function<String, List<String>> arguments, String what) throws MojoExecutionException, MojoFailureException {
        try {
            UpToDate.forget(dir);
        } catch (IOException e) {
            throw new MojoExecutionException("could not reset " + dir.resolve(UpToDate.FILE), e);
        }
        trainer.run(arguments, what);
        try {
            UpToDate.record(dir, fingerprint);
        } catch (IOException e) {
            throw new MojoExecutionException("could not write " + dir.resolve(UpToDate.FILE), e);
        }
    }
}
