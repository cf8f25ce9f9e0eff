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

/**
 * Renders the lab report ({@code index.html}) from a {@link ReportView} with the template
 * {@value #TEMPLATE}. Every value the template inserts is escaped by {@link HtmlEscaping}, so a
 * description such as {@code <script>} shows as text.
 */
public final class LabReport {
    /** The template, a class-path resource. */
    public static final String TEMPLATE = "io/github/mnistlab/maven/report/index.html.vm";
    /** The page's file name in the report directory. */
    public static final String FILE_NAME = "index.html";

    private final VelocityEngine engine;

    public LabReport() {
        engine = new VelocityEngine();
        engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "class");
        engine.setProperty("resource.loader.class.class", ClasspathResourceLoader.class.getName());
        engine.setProperty(RuntimeConstants.EVENTHANDLER_REFERENCEINSERTION, HtmlEscaping.class.getName());
        engine.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, true);
        engine.init();
    }

    /** The page's HTML. */
    public String render(ReportView view) {
        Template template = engine.getTemplate(TEMPLATE, StandardCharsets.UTF_8.name());
        VelocityContext context = new VelocityContext();
        context.put("report", view);
        StringWriter html = new StringWriter();
        template.merge(context, html);
        return html.toString();
    }

    /** Writes {@code directory/index.html} and returns its path. */
    public Path write(ReportView view, Path directory) throws IOException {
        Files.createDirectories(directory);
        return Files.writeString(directory.resolve(FILE_NAME), render(view), StandardCharsets.UTF_8);
    }
}
