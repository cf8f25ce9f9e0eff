package io.github.mnistlab.maven.report;

import java.util.List;

/**
 * Everything the report shows, formatted, in lab-report order: the data and the networks (method),
 * the runs and their curves, sweeps and evaluations (results), sentences drawn from the numbers
 * (analysis) and where it all ran (provenance). Built by {@link ReportViews}; immutable.
 *
 * @param title       the page title
 * @param text        the words of the page's language
 * @param runs        the runs table
 * @param data        the data overview
 * @param structures  each run's network
 * @param comparisons the comparisons with their error-curve charts
 * @param losses      each run's loss per iteration
 * @param sweeps      the sweeps
 * @param evaluations each run's test evaluation
 * @param adder       sample pairs with the adder runs' sums, or null without adder runs
 * @param scratch     the framework vs scratch MLP comparison, or null
 * @param analysis    sentences drawn from the numbers
 * @param provenance  versions, devices, seeds and data checksums
 * @param charts      every chart of the page, for the sidecar files
 */
public record ReportView(String title, ReportText text, List<RunRow> runs, DataView data,
        List<StructureView> structures, List<ComparisonView> comparisons, List<LossView> losses,
        List<SweepView> sweeps, List<EvaluationView> evaluations, AdderView adder, ScratchView scratch,
        List<String> analysis, ProvenanceView provenance, List<Chart> charts) {

    public ReportView {
        runs = List.copyOf(runs);
        structures = List.copyOf(structures);
        comparisons = List.copyOf(comparisons);
        losses = List.copyOf(losses);
        sweeps = List.copyOf(sweeps);
        evaluations = List.copyOf(evaluations);
        analysis = List.copyOf(analysis);
        charts = List.copyOf(charts);
    }

    /** A small table: a header row and rows of cells, all formatted. */
    public record Table(List<String> header, List<List<String>> rows) {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** A picture of a digit and its caption. */
    public record Picture(Raw src, String caption) {
    }

    /**
     * The data overview.
     *
     * @param available whether MNIST could be read for the pictures
     * @param problem   why not, or empty
     * @param samples   a few digits of each class
     * @param balance   digits per class in each split
     */
    public record DataView(boolean available, String problem, List<List<Picture>> samples, Table balance) {
    }

    /** A run's network: its layers and totals. */
    public record StructureView(String runId, String preset, Table layers, String total, String recorded,
            boolean matches) {
    }

    /** A comparison: its chart over the chosen x axis, a table of final numbers and the verdict. */
    public record ComparisonView(String id, String description, String verdict, Chart chart, Table table) {
    }

    /** A run's loss per iteration. */
    public record LossView(String runId, Chart chart) {
    }

    /** A sweep: a chart (k × m sweeps) or a table (other sweeps), and its best point. */
    public record SweepView(String id, String kind, Chart chart, Table table, String best) {
    }

    /** A run's test evaluation: heatmap, per-class table and misclassified digits. */
    public record EvaluationView(String runId, String summary, Chart confusion, Table perClass,
            List<Mistake> mistakes, String mistakesNote) {
    }

    /** A misclassified test sample: one digit, or two for an adder. */
    public record Mistake(List<Raw> pictures, String actual, String predicted, String confidence) {
    }

    /** Sample test pairs and what each adder run answered. */
    public record AdderView(List<String> runIds, List<Pair> pairs, String note) {
    }

    /** One test pair with the true sum and each adder run's answer ({@code css} right, wrong or unknown). */
    public record Pair(Raw left, Raw right, String digits, int sum, List<Answer> answers) {
    }

    /** An adder run's answer to a pair. */
    public record Answer(String text, String css) {
    }

    /** The framework and scratch MLP side by side. */
    public record ScratchView(Table table, String sentence) {
    }

    /** Where and how the runs ran. */
    public record ProvenanceView(Table runs, Table data, String gitCommit, String generatedAt) {
    }
}
