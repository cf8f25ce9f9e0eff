package io.github.mnistlab.maven.report;

/**
 * One chart of the report: inline SVG for the page, also written as {@code charts/<name>.svg}.
 *
 * @param name   the sidecar file's base name, e.g. {@code compare-adders}
 * @param title  what the chart shows (the figure caption)
 * @param svg    the {@code <svg>} element, with explicit width and height
 * @param width  in CSS pixels
 * @param height in CSS pixels
 */
public record Chart(String name, String title, Raw svg, int width, int height) {
    public Chart {
        // Ids come from the POM: keep the file name to safe characters.
        name = name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /** The sidecar file's name. */
    public String fileName() {
        return name + ".svg";
    }
}
