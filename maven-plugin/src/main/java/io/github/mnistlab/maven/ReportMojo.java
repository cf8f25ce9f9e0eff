package io.github.mnistlab.maven;

import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.data.MnistLoader;
import io.github.mnistlab.maven.report.LabReport;
import io.github.mnistlab.maven.report.LabResults;
import io.github.mnistlab.maven.report.ReportInputs;
import io.github.mnistlab.maven.report.ReportView;
import io.github.mnistlab.maven.report.ReportViews;
import io.github.mnistlab.maven.plan.ShortCommand;
import io.github.mnistlab.maven.report.XAxis;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the lab report, {@code target/lab/report/index.html} (charts also as {@code charts/*.svg}):
 * data overview, network structures, runs, error curves of each comparison, loss per iteration, sweeps,
 * test evaluations, sample adder pairs, the analysis and the provenance. Works on whatever the lab
 * directory (and {@code runDirectories}) holds, so {@code mvn lab:report} renders it again without
 * training. It never starts the engine; MNIST is read (offline, from the cache or {@code dataDir})
 * only for the pictures.
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
     * The report's title ({@code title} is an alias).
     *
     * <pre>{@code <reportTitle>Deep learning lab 3: transfer learning</reportTitle>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.reportTitle", alias = "title", defaultValue = "${project.name}")
    private String reportTitle;

    /**
     * A course's own Velocity template instead of the built-in one. It sees {@code $report} (the view
     * model, {@code io.github.mnistlab.maven.report.ReportView}) and {@code $t} (the words); every value
     * is HTML-escaped except the charts and pictures.
     *
     * <pre>{@code <reportTemplate>src/lab/report.html.vm</reportTemplate>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.reportTemplate")
    private File reportTemplate;

    /**
     * The report's language: {@code zh_CN} (any {@code zh}) for Simplified Chinese, anything else for
     * English; default the build's locale.
     *
     * <pre>{@code <reportLocale>zh_CN</reportLocale>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.reportLocale")
    private String reportLocale;

    /**
     * The x axis of the comparison charts: {@code iterations}, {@code epochs} or {@code seconds}.
     *
     * <pre>{@code <reportXAxis>seconds</reportXAxis>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.reportXAxis", defaultValue = "iterations")
    private String reportXAxis;

    /**
     * A directory holding the four MNIST files, for the report's pictures; default the user cache the
     * training filled. The report never downloads.
     *
     * <pre>{@code <dataDir>/data/mnist</dataDir>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.dataDir")
    private String dataDir;

    @Override
    protected void executeLab() throws MojoExecutionException, MojoFailureException {
        render(reportDirectory != null ? reportDirectory.toPath() : lab().report());
    }

    /** Renders the report of what the lab directory holds into {@code directory}; returns the page. */
    protected final Path render(Path target) throws MojoExecutionException, MojoFailureException {
        return render(target, Locale.getDefault());
    }

    /** The same, in {@code fallback} when {@code lab.reportLocale} is not set. */
    protected final Path render(Path target, Locale fallback) throws MojoExecutionException, MojoFailureException {
        XAxis axis = XAxis.parse(reportXAxis);
        Locale locale = reportLocale == null || reportLocale.isBlank() ? fallback
                : Locale.forLanguageTag(reportLocale.strip().replace('_', '-'));
        MnistDataset data = null;
        String dataProblem = null;
        try {
            MnistLoader.Builder loader = MnistLoader.builder().optOffline(true).optLog(getLog()::debug);
            Path directory = projectPath(dataDir);
            if (directory != null) {
                loader.optDirectory(directory);
            }
            data = loader.build().load();
        } catch (RuntimeException e) {
            dataProblem = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            getLog().warn("The report shows no digit pictures: " + dataProblem);
        }
        ReportView view = ReportViews.build(new ReportInputs(reportTitle == null ? "" : reportTitle, locale, axis,
                catalog().runs(experimentIds()).stream()
                        .map(run -> new ReportInputs.Run(run.record(), description(run.id()), run.directory())).toList(),
                LabResults.comparisons(lab()), LabResults.sweeps(lab()), data, dataProblem,
                gitCommit(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        try {
            Path page = new LabReport(reportTemplate == null ? null : reportTemplate.toPath()).write(view, target);
            getLog().info("Lab report of " + view.runs().size() + " run(s): " + page);
            return page;
        } catch (IOException e) {
            throw new MojoExecutionException("could not write the report into " + target, e);
        }
    }

    /** {@code git rev-parse HEAD} in the project's directory, or null outside a repository, without git or after 10 s. */
    private String gitCommit() {
        return new ShortCommand(List.of("git", "rev-parse", "HEAD"), project().getBasedir().toPath(), Duration.ofSeconds(10))
                .output().map(String::strip).filter(out -> out.matches("[0-9a-f]{40}")).orElse(null);
    }
}
