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
 * @param labs        one section per lab that has runs, in the course's order
 * @param hyperparameters the runs' spec fields: those that differ, and each run's
 * @param dataFiles   files written beside the page under {@code data/} (each run's epochs as CSV)
 */
public record ReportView(String title, ReportText text, List<RunRow> runs, DataView data,
        List<StructureView> structures, List<ComparisonView> comparisons, List<LossView> losses,
        List<SweepView> sweeps, List<EvaluationView> evaluations, AdderView adder, ScratchView scratch,
        List<String> analysis, ProvenanceView provenance, List<Chart> charts, List<LabSectionView> labs,
        HyperparametersView hyperparameters, List<DataFile> dataFiles) {

    public ReportView {
        runs = List.copyOf(runs);
        structures = List.copyOf(structures);
        comparisons = List.copyOf(comparisons);
        losses = List.copyOf(losses);
        sweeps = List.copyOf(sweeps);
        evaluations = List.copyOf(evaluations);
        analysis = List.copyOf(analysis);
        charts = List.copyOf(charts);
        labs = List.copyOf(labs);
        dataFiles = List.copyOf(dataFiles);
    }

    /** A file beside the page, {@code data/<name>}. */
    public record DataFile(String name, String content) {
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

    /**
     * One lab's section: its goal, its runs against the lab's own numbers, where its details are on
     * the page, and the pictures its CNN runs recorded.
     *
     * @param id       the anchor, {@code lab-<id>}
     * @param title    e.g. "The small CNN"
     * @param goal     what the lab asks, one sentence
     * @param results  run, preset, test accuracy, the lab's number, the difference
     * @param details  links to the lab's parts elsewhere on the page
     * @param pictures kernels and feature maps, one entry per CNN run that recorded them
     * @param analysis what the lab's sweeps answer, sentence by sentence
     * @param brief    the same in one line per sweep, for {@code summary.md}
     */
    public record LabSectionView(String id, String title, String goal, Table results, List<Link> details,
            List<PicturesView> pictures, List<String> analysis, List<String> brief) {
        public LabSectionView {
            analysis = List.copyOf(analysis);
            brief = List.copyOf(brief);
        }
    }

    /** A link within the page. */
    public record Link(String href, String text) {
    }

    /**
     * A CNN run's pictures: the first layer's kernels over training, and per test digit the feature
     * maps of the first two convolution layers.
     */
    public record PicturesView(String runId, String kernelsNote, List<Figure> kernels, List<FeatureRow> features) {
    }

    /** A picture and its caption; {@code src} is null when the file could not be read. */
    public record Figure(Raw src, String caption) {
    }

    /** One test digit (its picture when MNIST could be read) and its feature maps, layer by layer. */
    public record FeatureRow(Raw digit, String caption, List<Figure> layers) {
    }

    /**
     * The runs' hyperparameters: one table of the fields that differ between runs, and per run every
     * field, one column each.
     */
    public record HyperparametersView(Table differing, List<RunFields> runs) {
    }

    /** A run's spec, one column per field. */
    public record RunFields(String runId, Table table) {
    }

    /** Where and how the runs ran. */
    public record ProvenanceView(Table runs, Table data, String gitCommit, String generatedAt) {
    }
}
