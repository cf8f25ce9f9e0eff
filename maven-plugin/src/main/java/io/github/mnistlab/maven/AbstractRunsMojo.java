package io.github.mnistlab.maven;

import io.github.mnistlab.maven.results.RunCatalog;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that read run records ({@code evaluate}, {@code compare}, {@code check}, {@code report}):
 * this build's runs plus those of {@code runDirectories}.
 */
public abstract class AbstractRunsMojo extends AbstractLabMojo {
    /**
     * The experiments: their order and descriptions are used for the runs' order and in the report.
     *
     * <pre>{@code
     * <experiments>
     *   <experiment><id>digits</id><preset>cnn-lenet</preset><description>LeNet, 3 epochs</description></experiment>
     * </experiments>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private List<Experiment> experiments;

    /**
     * More directories of run records to merge with {@code target/lab/runs}, comma-separated: each one is
     * a run directory (holding {@code run.json}) or a directory of run directories, e.g. the
     * {@code target/lab/runs} of CI jobs that each trained a part of the lab ({@code lab.experiments}).
     * On the same id, {@code target/lab/runs} wins, then the first directory listed.
     *
     * <pre>{@code mvn lab:evaluate lab:compare lab:report -Dlab.runDirectories=job-1/runs,job-2/runs}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.runDirectories")
    private List<File> runDirectories;

    /** Every run this goal can see. */
    protected final RunCatalog catalog() {
        return RunCatalog.scan(runsDirectory(),
                runDirectories == null ? List.of() : runDirectories.stream().map(File::toPath).toList(),
                getLog()::warn);
    }

    /** The ids of the configured experiments, in POM order. */
    protected final List<String> experimentIds() {
        return experiments == null ? List.of() : experiments.stream().map(Experiment::id).toList();
    }

    /** The configured description of experiment {@code id}, or null. */
    protected final String description(String id) {
        return experiments == null ? null : experiments.stream().filter(e -> id.equals(e.id())).findFirst()
                .map(Experiment::description).orElse(null);
    }
}
