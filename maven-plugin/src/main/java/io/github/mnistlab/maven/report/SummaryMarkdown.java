package io.github.mnistlab.maven.report;

import java.util.List;

/**
 * The report in brief as Markdown ({@code summary.md}), for a CI job summary or a pull request: the
 * runs table with each run's test accuracy, the analysis sentences and one line per sweep, in the
 * report's language.
 */
final class SummaryMarkdown {
    private SummaryMarkdown() {
    }

    static String of(ReportView view) {
        ReportText t = view.text();
        StringBuilder md = new StringBuilder("# ").append(view.title().isBlank() ? t.get("summary.title") : cell(view.title()))
                .append("\n\n## ").append(t.get("section.runs")).append("\n\n");
        List<String> header = List.of(t.get("col.run"), t.get("col.preset"), t.get("col.status"), t.get("col.epochs"),
                t.get("col.bestEpoch"), t.get("col.testAccuracy"), t.get("col.seconds"));
        md.append('|');
        header.forEach(h -> md.append(' ').append(h).append(" |"));
        md.append("\n|");
        header.forEach(h -> md.append("---|"));
        md.append('\n');
        for (RunRow r : view.runs()) {
            md.append("| ").append(cell(r.id())).append(" | ").append(r.preset()).append(" | ").append(r.status())
                    .append(" | ").append(r.epochs()).append(" | ").append(r.bestEpoch()).append(" | ")
                    .append(r.testAccuracy()).append(" | ").append(r.trainingSeconds()).append(" |\n");
        }
        md.append("\n## ").append(t.get("section.analysis")).append("\n\n");
        view.analysis().forEach(sentence -> md.append("- ").append(cell(sentence)).append('\n'));
        view.labs().forEach(lab -> lab.brief().forEach(line -> md.append("- ").append(cell(line)).append('\n')));
        return md.toString();
    }

    /** A value inside a table cell or list item: no line breaks, pipes escaped. */
    private static String cell(String text) {
        return text.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
    }
}
