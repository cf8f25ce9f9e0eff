package io.github.mnistlab.maven.report;

import java.util.Objects;

/**
 * A trusted fragment the report inserts without escaping: an SVG chart drawn by the report itself,
 * or a {@code data:} URI of a picture it encoded. {@link HtmlEscaping} lets only this type through,
 * so anything else a template inserts (ids, descriptions, numbers) is always escaped.
 *
 * @param html the fragment, exactly as it goes into the page
 */
public record Raw(String html) {
    public Raw {
        Objects.requireNonNull(html, "html");
    }

    @Override
    public String toString() {
        return html;
    }
}
