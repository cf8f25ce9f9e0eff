package io.github.mnistlab.maven;

import io.github.mnistlab.maven.results.LabLayout;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: {@code lab.skip}, handled here once; the one translation of a user's
 * mistake (an {@link IllegalArgumentException} from the plan, the library or a parameter, whose
 * message names the value and the fix) into a build failure with that message and that exception as
 * its cause (shown with {@code mvn -e}); and the lab directory through which the goals talk to each
 * other.
 */
public abstract class AbstractLabMojo extends AbstractMojo {
    /**
     * Skips the goal, e.g. on a machine that should not train.
     *
     * <pre>{@code <skip>true</skip>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.skip", defaultValue = "false")
    private boolean skip;

    /** Whether {@code lab.skip} is set. */
    protected final boolean skipped() {
        return skip;
    }

    /**
     * The directory the goals write and read: {@code runs/<id>/}, {@code specs/}, {@code evaluations.json},
     * {@code comparisons/}, {@code report/}.
     *
     * <pre>&lt;labDirectory&gt;${project.build.directory}/lab&lt;/labDirectory&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.directory", defaultValue = "${project.build.directory}/lab")
    private File labDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping lab:" + mojoExecution.getGoal() + " because property lab.skip is set.");
            return;
        }
        try {
            executeLab();
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /**
     * The goal's work, when not skipped. An {@link IllegalArgumentException} it throws is the user's
     * mistake: the build fails with its message.
     */
    protected abstract void executeLab() throws MojoExecutionException, MojoFailureException;

    protected final MavenProject project() {
        return project;
    }

    protected final Path labDirectory() {
        return labDirectory.toPath();
    }

    /** Writes {@code content} to {@code file}, creating its directory; returns {@code file}. */
    protected static Path write(Path file, String content) throws MojoExecutionException {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("could not write " + file, e);
        }
    }

    /**
     * A directory the user named in the POM or on the command line, resolved against the project's
     * directory (not the current one, which differs under {@code mvn -f}); null when unset or blank.
     */
    protected final Path projectPath(String directory) {
        return directory == null || directory.isBlank() ? null : project().getBasedir().toPath().resolve(directory.strip());
    }

    /** The files under the lab directory. */
    protected final LabLayout lab() {
        return new LabLayout(labDirectory());
    }

    /** {@code <labDirectory>/runs}: one directory per run. */
    protected final Path runsDirectory() {
        return lab().runs();
    }
}
