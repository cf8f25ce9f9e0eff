package io.github.mnistlab.maven.report;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;
import org.apache.velocity.runtime.resource.loader.FileResourceLoader;

/**
 * Renders the lab report ({@code index.html}) from a {@link ReportView} with the template
 * {@value #TEMPLATE}, or a course's own template file. Strict references: a misspelt reference fails
 * the rendering. Every value the template inserts is escaped by {@link HtmlEscaping}, except the
 * {@link Raw} fragments the report drew itself, so a description such as {@code <script>} shows as text.
 * The template sees {@code $report} (the view) and {@code $t} (its words).
 */
public final class LabReport {
    /** The built-in template, a class-path resource. */
    public static final String TEMPLATE = "io/github/mnistlab/maven/report/index.html.vm";
    /** The page's file name in the report directory. */
    public static final String FILE_NAME = "index.html";
    /** The directory of the sidecar chart files, beside the page. */
    public static final String CHARTS = "charts";
    /** The directory of the data files (each run's epochs as CSV), beside the page. */
    public static final String DATA = "data";
    /** The Markdown summary beside the page, for CI job summaries. */
    public static final String SUMMARY = "summary.md";

    private final VelocityEngine engine;
    private final String template;

    /** A report rendered with the built-in template. */
    public LabReport() {
        this(null);
    }

    /** A report rendered with {@code templateFile}, or the built-in template when null. */
    public LabReport(Path templateFile) {
        engine = new VelocityEngine();
        if (templateFile == null) {
            engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "class");
            engine.setProperty("resource.loader.class.class", ClasspathResourceLoader.class.getName());
            template = TEMPLATE;
        } else {
            if (!Files.isRegularFile(templateFile)) {
                throw new IllegalArgumentException("report template " + templateFile + " (reportTemplate) does not"
                        + " exist; give a Velocity template file, or leave reportTemplate out for the built-in one");
            }
            Path absolute = templateFile.toAbsolutePath();
            engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "file");
            engine.setProperty("resource.loader.file.class", FileResourceLoader.class.getName());
            engine.setProperty("resource.loader.file.path", absolute.getParent().toString());
            template = absolute.getFileName().toString();
        }
        engine.setProperty(RuntimeConstants.EVENTHANDLER_REFERENCEINSERTION, HtmlEscaping.class.getName());
        engine.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, true);
        engine.init();
    }

    /** The page's HTML. */
    public String render(ReportView view) {
        Template page = engine.getTemplate(template, StandardCharsets.UTF_8.name());
        VelocityContext context = new VelocityContext();
        context.put("report", view);
        context.put("t", view.text());
        StringWriter html = new StringWriter();
        page.merge(context, html);
        return html.toString();
    }

    /**
     * Writes {@code directory/index.html}, every chart as {@code charts/<name>.svg}, each run's epochs as
     * {@code data/<run>-epochs.csv} and {@code summary.md}; returns the page.
     */
    public Path write(ReportView view, Path directory) throws IOException {
        String html = render(view);
        Path charts = directory.resolve(CHARTS);
        Files.createDirectories(charts);
        for (Chart chart : view.charts()) {
            Files.writeString(charts.resolve(chart.fileName()),
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart.svg().html() + "\n", StandardCharsets.UTF_8);
        }
        Path data = directory.resolve(DATA);
        Files.createDirectories(data);
        for (ReportView.DataFile file : view.dataFiles()) {
            Files.writeString(data.resolve(file.name()), file.content(), StandardCharsets.UTF_8);
        }
        Files.writeString(directory.resolve(SUMMARY), SummaryMarkdown.of(view), StandardCharsets.UTF_8);
        return Files.writeString(directory.resolve(FILE_NAME), html, StandardCharsets.UTF_8);
    }
}
