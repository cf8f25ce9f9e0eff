package io.github.mnistlab.maven.report;

import java.util.List;

/**
 * Everything the report shows.
 *
 * @param title the page title, e.g. the project's name
 * @param runs  the runs, in the order the POM declares their experiments
 */
public record ReportView(String title, List<RunRow> runs) {
    public ReportView {
        runs = List.copyOf(runs);
    }
}
