package io.github.mnistlab.maven;

import io.github.mnistlab.maven.report.ReportText;
import java.io.File;
import java.nio.file.Files;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The lab report as a Maven site report: a course POM that lists this plugin under
 * {@code <reporting>} gets the report in {@code mvn site} under Project Reports, rendered from what
 * {@code target/lab} holds (nothing is trained), as {@code lab/index.html} in the site. It takes the
 * same parameters as {@code report}; {@code lab:report} stays the standalone goal.
 *
 * <pre>{@code
 * <reporting>
 *   <plugins>
 *     <plugin>
 *       <groupId>io.github.mnistlab</groupId>
 *       <artifactId>lab-maven-plugin</artifactId>
 *       <version>...</version>
 *     </plugin>
 *   </plugins>
 * </reporting>
 * }</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "site-report", threadSafe = true)
public class SiteReportMojo extends ReportMojo implements MavenReport {
    /** The site directory the report goes into (as {@code lab/}); the site plugin sets it. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
    private File siteDirectory;

    /** The site's locale while {@link #generate} runs (the site plugin renders one locale at a time). */
    private Locale siteLocale;

    @Override
    protected void executeLab() throws MojoExecutionException, MojoFailureException {
        render(siteDirectory.toPath().resolve("lab"), siteLocale != null ? siteLocale : Locale.getDefault());
    }

    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        siteLocale = locale;
        try {
            execute();
        } catch (MojoExecutionException | MojoFailureException e) {
            throw new MavenReportException(e.getMessage(), e);
        } finally {
            siteLocale = null;
        }
    }

    @Override
    public String getOutputName() {
        return "lab/index";
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return ReportText.of(locale).get("site.name");
    }

    @Override
    public String getDescription(Locale locale) {
        return ReportText.of(locale).get("site.description");
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        siteDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return siteDirectory;
    }

    /** The page is this plugin's own HTML, not a Doxia page. */
    @Override
    public boolean isExternalReport() {
        return true;
    }

    /**
     * Only when there are runs to report and {@code lab.skip} is not set: {@code mvn site} before any
     * training, or with the lab skipped, links no empty lab page.
     */
    @Override
    public boolean canGenerateReport() {
        return !skipped() && Files.isDirectory(lab().runs()) && !catalog().ids().isEmpty();
    }
}
