package io.github.mnistlab.maven.report;

import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.maven.results.ComparisonResult;
import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.SweepRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the report is made from: the run records and the other goals' results, the data (for the
 * pictures) and the settings of the page. The {@code report} goal fills it from its parameters.
 *
 * @param title       the page title
 * @param locale      the page's language (Chinese locales: Simplified Chinese; others: English)
 * @param xAxis       the x axis of the comparison charts
 * @param runs        the runs, in report order
 * @param comparisons the comparisons the {@code compare} goal wrote
 * @param sweeps      the sweeps the {@code sweep} goal wrote
 * @param data        MNIST for the pictures, or null
 * @param dataProblem why {@code data} is null (shown on the page), or null
 * @param gitCommit   the course repository's commit, or null
 * @param generatedAt when the report was rendered, e.g. {@code 2025-01-31T10:00:00Z}
 */
public record ReportInputs(String title, Locale locale, XAxis xAxis, List<Run> runs,
        List<ComparisonResult> comparisons, List<Sweep> sweeps, MnistDataset data, String dataProblem,
        String gitCommit, String generatedAt) {

    /**
     * A run, its description and its directory.
     *
     * @param description the experiment's description from the POM, or null
     * @param directory   the run directory (for the pictures the run recorded), or null
     */
    public record Run(RunRecord record, String description, Path directory) {
        public Run {
            Objects.requireNonNull(record, "record");
        }
    }

    /** A sweep and its id (its directory name). */
    public record Sweep(String id, SweepRecord record) {
    }

    public ReportInputs {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(xAxis, "xAxis");
        runs = List.copyOf(runs);
        comparisons = List.copyOf(comparisons);
        sweeps = List.copyOf(sweeps);
    }
}
