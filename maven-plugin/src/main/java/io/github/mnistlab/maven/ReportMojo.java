package io.github.mnistlab.maven;

import io.github.mnistlab.maven.report.LabReport;
import io.github.mnistlab.maven.report.ReportView;
import io.github.mnistlab.maven.report.RunRow;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the lab report, {@code target/lab/report/index.html}: every run with its preset,
 * description, epochs, best epoch, test accuracy and training time. Works on whatever the lab
 * directory (and {@code runDirectories}) holds, so {@code mvn lab:report} renders it again without
 * training.
 *
 * @since 0.1.0
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends AbstractRunsMojo {
    /**
     * Where to write {@code index.html}; default {@code <labDirectory>/report}.
     *
     * <pre>&lt;reportDirectory&gt;${project.reporting.outputDirectory}/lab&lt;/reportDirectory&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.reportDirectory")
    private File reportDirectory;

    /**
     * The report's title.
     *
     * <pre>{@code <title>Deep learning lab 3: transfer learning</title>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.name}")
    private String title;

    @Override
    protected void executeLab() throws MojoExecutionException, MojoFailureException {
        ReportView view = new ReportView(title, catalog().runs(experimentIds()).stream()
                .map(run -> RunRow.of(run.record(), description(run.id()))).toList());
        Path directory = reportDirectory != null ? reportDirectory.toPath() : labDirectory().resolve("report");
        try {
            Path page = new LabReport().write(view, directory);
            getLog().info("Lab report of " + view.runs().size() + " run(s): " + page);
        } catch (IOException e) {
            throw new MojoExecutionException("could not write the report into " + directory, e);
        }
    }
}
