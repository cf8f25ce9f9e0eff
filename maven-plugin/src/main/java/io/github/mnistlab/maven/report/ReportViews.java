package io.github.mnistlab.maven.report;

import io.github.mnistlab.data.DataSplits;
import io.github.mnistlab.data.DigitImages;
import io.github.mnistlab.data.DigitPairs;
import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.eval.ClassMetrics;
import io.github.mnistlab.eval.Evaluation;
import io.github.mnistlab.maven.report.ReportView.AdderView;
import io.github.mnistlab.maven.report.ReportView.Answer;
import io.github.mnistlab.maven.report.ReportView.ComparisonView;
import io.github.mnistlab.maven.report.ReportView.DataView;
import io.github.mnistlab.maven.report.ReportView.EvaluationView;
import io.github.mnistlab.maven.report.ReportView.LossView;
import io.github.mnistlab.maven.report.ReportView.Mistake;
import io.github.mnistlab.maven.report.ReportView.Pair;
import io.github.mnistlab.maven.report.ReportView.Picture;
import io.github.mnistlab.maven.report.ReportView.ProvenanceView;
import io.github.mnistlab.maven.report.ReportView.ScratchView;
import io.github.mnistlab.maven.report.ReportView.StructureView;
import io.github.mnistlab.maven.report.ReportView.SweepView;
import io.github.mnistlab.maven.report.ReportView.Table;
import io.github.mnistlab.maven.results.ComparisonResult.CurvePoint;
import io.github.mnistlab.maven.results.ComparisonResult.Entry;
import io.github.mnistlab.maven.results.ComparisonResult;
import io.github.mnistlab.record.EpochsCsv;
import io.github.mnistlab.record.Provenance;
import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.SweepRecord;
import io.github.mnistlab.spec.Presets;
import io.github.mnistlab.spec.ScheduleKind;
import io.github.mnistlab.spec.SweepSpec;
import io.github.mnistlab.spec.Sweeps;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.ModelKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the {@link ReportView} from {@link ReportInputs}: formats every number, draws the charts,
 * encodes the pictures and words the analysis. The one place where records become the page's model.
 */
public final class ReportViews {
    private static final int SAMPLES_PER_CLASS = 8;
    private static final int GALLERY = 20;
    private static final int PAIRS = 10;

    private final ReportInputs in;
    private final ReportText t;
    private final List<Chart> charts = new ArrayList<>();

    private ReportViews(ReportInputs in) {
        this.in = in;
        this.t = ReportText.of(in.locale());
    }

    /** The view of {@code inputs}. */
    public static ReportView build(ReportInputs inputs) {
        return new ReportViews(inputs).view();
    }

    private ReportView view() {
        List<RunRow> rows = in.runs().stream().map(this::row).toList();
        DataView data = data();
        List<StructureView> structures = in.runs().stream().map(this::structure).filter(Objects::nonNull).toList();
        List<ComparisonView> comparisons = in.comparisons().stream().map(this::comparison).toList();
        List<LossView> losses = in.runs().stream().map(ReportInputs.Run::record)
                .filter(r -> r.iterationLoss() != null && !r.iterationLoss().values().isEmpty()).map(this::loss).toList();
        List<SweepView> sweeps = in.sweeps().stream().map(this::sweep).toList();
        List<EvaluationView> evaluations = in.runs().stream().map(ReportInputs.Run::record)
                .filter(r -> r.test() != null).map(this::evaluation).toList();
        AdderView adder = adder();
        ScratchView scratch = scratch();
        List<ReportView.DataFile> csv = in.runs().stream()
                .map(r -> new ReportView.DataFile(csvName(r.record()), EpochsCsv.of(r.record()))).toList();
        return new ReportView(in.title(), t, rows, data, structures, comparisons, losses, sweeps, evaluations,
                adder, scratch, Analysis.sentences(in, t), provenance(), charts,
                LabSections.of(in, t, scratch != null, adder != null), Hyperparameters.of(in.runs(), t), csv);
    }

    /** The file name of a run's epochs under the page's {@code data/}. */
    static String csvName(RunRecord r) {
        return r.id() + "-epochs.csv";
    }

    // ---- method ----

    private RunRow row(ReportInputs.Run run) {
        RunRecord r = run.record();
        ExperimentSpec s = r.spec();
        StringBuilder hp = new StringBuilder();
        hp.append(s.optimizer().name().toLowerCase(Locale.ROOT)).append(" lr ").append(ReportNumbers.num(s.learningRate()));
        if (s.momentum() > 0) {
            hp.append(", momentum ").append(ReportNumbers.num(s.momentum()));
        }
        if (s.weightDecay() > 0) {
            hp.append(", wd ").append(ReportNumbers.num(s.weightDecay()));
        }
        if (s.schedule() != ScheduleKind.CONSTANT) {
            hp.append(", ").append(s.schedule().id());
        }
        if (s.warmupEpochs() > 0) {
            hp.append(", warm-up ").append(ReportNumbers.num(s.warmupEpochs()));
        }
        hp.append(", batch ").append(s.batchSize());
        if (s.batchNorm()) {
            hp.append(", batch norm");
        }
        if (s.augments()) {
            hp.append(", shifts ±").append(ReportNumbers.num(s.shiftPixels())).append(" px, turns ±")
                    .append(ReportNumbers.num(s.rotationDegrees())).append("°");
        }
        if (s.labelSmoothing() > 0) {
            hp.append(", smoothing ").append(ReportNumbers.num(s.labelSmoothing()));
        }
        if (!s.hidden().isEmpty()) {
            hp.append(", hidden ").append(s.hidden());
        }
        hp.append(", ").append(s.activation().id());
        if (s.limit() > 0) {
            hp.append(", limit ").append(s.limit());
        }
        hp.append(", validation ").append(s.validationSize()).append(", seed ").append(s.seed());
        Provenance p = r.provenance();
        String device = p == null ? "–" : p.device() + ", " + p.threads() + "/" + p.cores() + " " + t.get("runs.threads");
        return new RunRow(r.id(), r.preset(), run.description() == null ? "" : run.description(), r.status().toString(),
                hp.toString(), device, r.epochs().size(), r.bestEpoch(),
                r.test() == null ? "–" : ReportNumbers.fixed(r.test().accuracy(), 4), ReportNumbers.fixed(r.trainingSeconds(), 1),
                r.skippedSteps() + " (" + r.recomputedSteps() + ")", LabReport.DATA + "/" + csvName(r));
    }

    private DataView data() {
        MnistDataset data = in.data();
        if (data == null) {
            String why = in.dataProblem() == null ? t.get("data.none") : in.dataProblem();
            return new DataView(false, t.format("data.unavailable", why), List.of(), null);
        }
        List<List<Picture>> samples = new ArrayList<>();
        DigitImages test = data.test();
        for (int digit = 0; digit < 10; digit++) {
            List<Picture> row = new ArrayList<>();
            for (int i = 0; i < test.count() && row.size() < SAMPLES_PER_CLASS; i++) {
                if (test.label(i) == digit) {
                    row.add(new Picture(DigitPng.dataUri(test, i), String.valueOf(digit)));
                }
            }
            samples.add(row);
        }
        // The splits of the first run (validation size, limit and seed decide them), else the original two.
        List<String> header = new ArrayList<>(List.of(t.get("data.class")));
        List<int[]> counts = new ArrayList<>();
        if (!in.runs().isEmpty()) {
            ExperimentSpec s = in.runs().get(0).record().spec();
            DataSplits splits = DataSplits.of(data, s.validationSize(), s.limit(), s.seed());
            header.add(t.format("data.split.train", splits.train().count()));
            counts.add(splits.train().classCounts());
            if (splits.hasValidation()) {
                header.add(t.format("data.split.validation", splits.validation().count()));
                counts.add(splits.validation().classCounts());
            }
        } else {
            header.add(t.format("data.split.train", data.train().count()));
            counts.add(data.train().classCounts());
        }
        header.add(t.format("data.split.test", test.count()));
        counts.add(test.classCounts());
        List<List<String>> rows = new ArrayList<>();
        for (int digit = 0; digit < 10; digit++) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(digit)));
            for (int[] c : counts) {
                int total = java.util.Arrays.stream(c).sum();
                cells.add(c[digit] + " (" + ReportNumbers.fixed(100.0 * c[digit] / Math.max(1, total), 1) + " %)");
            }
            rows.add(cells);
        }
        return new DataView(true, "", samples, new Table(header, rows));
    }

    private StructureView structure(ReportInputs.Run run) {
        RunRecord r = run.record();
        NetworkStructure structure;
        try {
            structure = NetworkStructure.of(r.spec(), this::pretrainedSpec);
        } catch (IllegalArgumentException e) {
            return null;
        }
        List<List<String>> rows = structure.layers().stream()
                .map(l -> List.of(l.name(), l.shape(), String.format(Locale.ROOT, "%,d", l.parameters()))).toList();
        Table table = new Table(List.of(t.get("structure.layer"), t.get("structure.shape"), t.get("structure.parameters")), rows);
        return new StructureView(r.id(), r.preset(), table, String.format(Locale.ROOT, "%,d", structure.total()),
                String.format(Locale.ROOT, "%,d", r.parameterCount()), structure.total() == r.parameterCount());
    }

    /** The spec of the run a transfer adder reused: a run of this report whose id is the directory's name. */
    private ExperimentSpec pretrainedSpec(String pretrained) {
        String name = Path.of(pretrained).getFileName().toString();
        return in.runs().stream().map(ReportInputs.Run::record).filter(r -> r.id().equals(name))
                .map(RunRecord::spec).findFirst().orElse(null);
    }

    // ---- results ----

    private ComparisonView comparison(ComparisonResult c) {
        List<Charts.Line> lines = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        int color = 0;
        for (Entry e : c.runs()) {
            int n = e.curve().size();
            double[] xs = new double[n];
            double[] train = new double[n];
            double[] validation = new double[n];
            boolean hasValidation = true;
            for (int i = 0; i < n; i++) {
                CurvePoint p = e.curve().get(i);
                xs[i] = switch (in.xAxis()) {
                    case ITERATIONS -> p.iterations();
                    case EPOCHS -> p.epoch();
                    case SECONDS -> p.seconds();
                };
                train[i] = p.trainError();
                Double v = p.validationError() != null ? p.validationError() : p.testError();
                hasValidation &= v != null;
                validation[i] = v == null ? Double.NaN : v;
            }
            lines.add(new Charts.Line(t.format("compare.train", e.id()), xs, train, false, color));
            if (hasValidation) {
                lines.add(new Charts.Line(t.format("compare.validation", e.id()), xs, validation, true, color));
            }
            color++;
            CurvePoint last = n == 0 ? null : e.curve().get(n - 1);
            rows.add(List.of(e.id(), e.preset(), e.status().toString(),
                    last == null ? "–" : ReportNumbers.percent(last.trainError()),
                    last == null || last.validationError() == null ? "–" : ReportNumbers.percent(last.validationError()),
                    e.testError() == null ? "–" : ReportNumbers.percent(e.testError()),
                    String.valueOf(e.iterations()), ReportNumbers.fixed(e.trainingSeconds(), 1), String.valueOf(e.bestEpoch())));
        }
        Chart chart = chart(Charts.lines("compare-" + c.id(), t.format("compare.chart", c.id(), t.get("axis." + in.xAxis().id())),
                t.get("axis." + in.xAxis().id()), t.get("axis.error"), lines, in.xAxis() != XAxis.SECONDS, true));
        Table table = new Table(List.of(t.get("col.run"), t.get("col.preset"), t.get("col.status"),
                t.get("col.trainError"), t.get("col.validationError"), t.get("col.testError"), t.get("col.iterations"),
                t.get("col.seconds"), t.get("col.bestEpoch")), rows);
        return new ComparisonView(c.id(), c.description() == null ? "" : c.description(),
                c.verdict() == null ? "" : c.verdict(), chart, table);
    }

    private LossView loss(RunRecord r) {
        List<Float> values = r.iterationLoss().values();
        int every = Math.max(1, r.iterationLoss().every());
        double[] xs = new double[values.size()];
        double[] ys = new double[values.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (i + 1L) * every;
            ys[i] = values.get(i);
        }
        Chart chart = chart(Charts.lines("loss-" + r.id(), t.format("loss.chart", r.id(), every),
                t.get("axis.iterations"), t.get("axis.loss"), List.of(new Charts.Line(r.id(), xs, ys, false, 0)), true, true));
        return new LossView(r.id(), chart);
    }

    private SweepView sweep(ReportInputs.Sweep sweep) {
        SweepRecord s = sweep.record();
        if (SweepSpec.Kind.ABLATION.id().equals(s.kind())) {
            return ablation(sweep.id(), s);
        }
        SweepRecord.Point best = s.points().stream().filter(p -> p.id().equals(s.best())).findFirst().orElse(null);
        String bestText = best == null ? t.get("sweep.noBest") : t.format("sweep.best", best.id(),
                coordinates(best.coordinates()), ReportNumbers.percent(best.selectionAccuracy()), ReportNumbers.percent(best.testAccuracy()));
        Set<String> keys = new TreeSet<>();
        s.points().forEach(p -> keys.addAll(p.coordinates().keySet()));
        if (keys.equals(Set.of("k", "m"))) {
            // Validation accuracy against width m, one line per depth k (the feed-forward lab's figure).
            Map<Integer, TreeMap<Integer, Double>> byK = new TreeMap<>();
            for (SweepRecord.Point p : s.points()) {
                byK.computeIfAbsent(p.coordinates().get("k"), k -> new TreeMap<>())
                        .put(p.coordinates().get("m"), p.selectionAccuracy());
            }
            List<Charts.Line> lines = new ArrayList<>();
            int color = 0;
            for (var k : byK.entrySet()) {
                double[] xs = k.getValue().keySet().stream().mapToDouble(Integer::doubleValue).toArray();
                double[] ys = k.getValue().values().stream().mapToDouble(Double::doubleValue).toArray();
                lines.add(new Charts.Line("k = " + k.getKey(), xs, ys, false, color++));
            }
            Chart chart = chart(Charts.lines("sweep-" + sweep.id(), t.format("sweep.chart", sweep.id()), "m",
                    t.get("axis.validationAccuracy"), lines, true, false));
            return new SweepView(sweep.id(), s.kind(), chart, pointsTable(s, keys), bestText);
        }
        List<String> axes = new ArrayList<>(keys);
        if (axes.size() == 2) {
            // A grid: the first coordinate down, the second across (depth × kernel), test accuracy in the cells.
            String down = axes.contains("depth") ? "depth" : axes.get(0);
            String across = axes.get(0).equals(down) ? axes.get(1) : axes.get(0);
            TreeSet<Integer> downs = new TreeSet<>();
            TreeSet<Integer> acrosses = new TreeSet<>();
            s.points().forEach(p -> {
                downs.add(p.coordinates().get(down));
                acrosses.add(p.coordinates().get(across));
            });
            List<String> header = new ArrayList<>(List.of(down + " \\ " + across));
            acrosses.forEach(a -> header.add(across + " = " + a));
            List<List<String>> rows = new ArrayList<>();
            for (int d : downs) {
                List<String> cells = new ArrayList<>(List.of(down + " = " + d));
                for (int a : acrosses) {
                    cells.add(s.points().stream().filter(p -> p.coordinates().get(down) == d
                            && p.coordinates().get(across) == a).findFirst()
                            .map(p -> ReportNumbers.fixed(p.testAccuracy(), 4)).orElse("–"));
                }
                rows.add(cells);
            }
            return new SweepView(sweep.id(), s.kind(), null, new Table(header, rows), bestText);
        }
        return new SweepView(sweep.id(), s.kind(), null, pointsTable(s, keys), bestText);
    }

    /**
     * An ablation: what each change bought. A bar per point (the lab's spec, each change alone, all
     * changes) and a table with each change in words and its test accuracy against the lab's.
     */
    private SweepView ablation(String id, SweepRecord s) {
        Map<String, String> changes = new java.util.HashMap<>();
        String improved = s.preset() != null && Presets.improvedIds().contains(s.preset()) ? s.preset() : null;
        if (improved != null) {
            Presets.improvements(improved).forEach(c -> changes.put(c.id(), c.description()));
        }
        SweepRecord.Point lab = s.points().stream().filter(p -> p.id().equals("lab")).findFirst().orElse(null);
        List<String> labels = new ArrayList<>();
        double[] accuracies = new double[s.points().size()];
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < s.points().size(); i++) {
            SweepRecord.Point p = s.points().get(i);
            String change = p.id().equals("lab") ? t.format("ablation.lab", improved == null ? "" : Presets.lab(improved))
                    : p.id().equals(Sweeps.ALL_CHANGES) ? t.format("ablation.all", improved == null ? "" : improved)
                    : changes.getOrDefault(p.id(), p.id());
            labels.add(p.id().equals("lab") || p.id().equals(Sweeps.ALL_CHANGES) ? p.id() : "+ " + p.id());
            accuracies[i] = p.testAccuracy();
            String gain = lab == null || p == lab ? "–"
                    : String.format(Locale.ROOT, "%+.2f", 100 * (p.testAccuracy() - lab.testAccuracy()));
            rows.add(List.of(p.id(), change, ReportNumbers.percent(p.testAccuracy()), gain,
                    ReportNumbers.fixed(p.trainingSeconds(), 1)));
        }
        Chart chart = chart(Charts.bars("sweep-" + id, t.format("ablation.chart", id), t.get("col.testAccuracy"), labels,
                accuracies, ReportNumbers::percent));
        Table table = new Table(List.of(t.get("col.run"), t.get("col.change"), t.get("col.testAccuracy"),
                t.get("col.gain"), t.get("col.seconds")), rows);
        SweepRecord.Point all = s.points().stream().filter(p -> p.id().equals(Sweeps.ALL_CHANGES)).findFirst().orElse(null);
        SweepRecord.Point bestAlone = s.points().stream().filter(p -> p != lab && p != all)
                .max(java.util.Comparator.comparingDouble(SweepRecord.Point::testAccuracy)).orElse(null);
        String summary = lab == null || all == null || bestAlone == null ? t.get("sweep.noBest")
                : t.format("ablation.summary", ReportNumbers.percent(lab.testAccuracy()),
                        ReportNumbers.percent(all.testAccuracy()), bestAlone.id(),
                        String.format(Locale.ROOT, "%+.2f", 100 * (bestAlone.testAccuracy() - lab.testAccuracy())));
        return new SweepView(id, s.kind(), chart, table, summary);
    }

    private Table pointsTable(SweepRecord s, Set<String> keys) {
        List<String> header = new ArrayList<>(List.of(t.get("col.run")));
        header.addAll(keys);
        header.addAll(List.of(t.get("col.validationAccuracy"), t.get("col.testAccuracy"), t.get("col.seconds")));
        List<List<String>> rows = new ArrayList<>();
        for (SweepRecord.Point p : s.points()) {
            List<String> cells = new ArrayList<>(List.of(p.id()));
            keys.forEach(k -> cells.add(String.valueOf(p.coordinates().get(k))));
            cells.add(p.validationAccuracy() == null ? "–" : ReportNumbers.fixed(p.validationAccuracy(), 4));
            cells.add(ReportNumbers.fixed(p.testAccuracy(), 4));
            cells.add(ReportNumbers.fixed(p.trainingSeconds(), 1));
            rows.add(cells);
        }
        return new Table(header, rows);
    }

    private EvaluationView evaluation(RunRecord r) {
        Evaluation e = r.test();
        boolean adder = r.spec().model().isAdder();
        Chart heatmap = chart(Charts.confusion("confusion-" + r.id(), t.format("evaluation.confusion", r.id()),
                t.get("axis.actual"), t.get("axis.predicted"), e.confusion()));
        List<List<String>> rows = new ArrayList<>();
        for (ClassMetrics m : e.perClass()) {
            rows.add(List.of(String.valueOf(m.label()), String.valueOf(m.support()), String.valueOf(m.predicted()),
                    ReportNumbers.fixed(m.precision(), 4), ReportNumbers.fixed(m.recall(), 4), ReportNumbers.fixed(m.f1(), 4)));
        }
        Table perClass = new Table(List.of(t.get(adder ? "col.sum" : "col.digit"), t.get("col.support"),
                t.get("col.predictedAs"), t.get("col.precision"), t.get("col.recall"), t.get("col.f1")), rows);
        List<Mistake> mistakes = new ArrayList<>();
        String note;
        MnistDataset data = in.data();
        if (data == null) {
            note = t.get("evaluation.noPictures");
        } else {
            DigitPairs pairs = adder ? DigitPairs.draw(data.test(), r.spec().testPairSeed()) : null;
            for (io.github.mnistlab.eval.Mistake m : e.mistakes()) {
                if (mistakes.size() == GALLERY) {
                    break;
                }
                List<Raw> pictures = adder
                        ? List.of(DigitPng.dataUri(data.test(), pairs.left()[m.index()]),
                                DigitPng.dataUri(data.test(), pairs.right()[m.index()]))
                        : List.of(DigitPng.dataUri(data.test(), m.index()));
                mistakes.add(new Mistake(pictures, String.valueOf(m.actual()), String.valueOf(m.predicted()),
                        Double.isNaN(m.confidence()) ? "–" : ReportNumbers.fixed(m.confidence(), 2)));
            }
            note = t.format("evaluation.mistakesNote", mistakes.size(), errors(e));
        }
        String summary = t.format("evaluation.summary", e.samples(), ReportNumbers.percent(e.accuracy()), ReportNumbers.percent(e.error()),
                ReportNumbers.fixed(e.macroF1(), 4), ReportNumbers.fixed(e.loss(), 4));
        return new EvaluationView(r.id(), summary, heatmap, perClass, mistakes, note);
    }

    private static long errors(Evaluation e) {
        long wrong = 0;
        for (int a = 0; a < e.confusion().length; a++) {
            for (int p = 0; p < e.confusion()[a].length; p++) {
                wrong += a == p ? 0 : e.confusion()[a][p];
            }
        }
        return wrong;
    }

    private AdderView adder() {
        List<RunRecord> adders = in.runs().stream().map(ReportInputs.Run::record)
                .filter(r -> r.spec().model().isAdder() && r.test() != null).toList();
        if (adders.isEmpty()) {
            return null;
        }
        if (in.data() == null) {
            return new AdderView(adders.stream().map(RunRecord::id).toList(), List.of(), t.get("evaluation.noPictures"));
        }
        DigitImages test = in.data().test();
        // Pairs 0..9 of the first adder's test pairs; the runs share a seed in the lab, so the same pairs.
        RunRecord first = adders.get(0);
        DigitPairs pairs = DigitPairs.draw(test, first.spec().testPairSeed());
        List<RunRecord> same = adders.stream().filter(r -> r.spec().seed() == first.spec().seed()).toList();
        List<Pair> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(PAIRS, pairs.count()); i++) {
            int l = pairs.left()[i];
            int r = pairs.right()[i];
            int sum = pairs.sums()[i];
            List<Answer> answers = new ArrayList<>();
            for (RunRecord run : same) {
                answers.add(answer(run, i, sum));
            }
            rows.add(new Pair(DigitPng.dataUri(test, l), DigitPng.dataUri(test, r),
                    test.label(l) + " + " + test.label(r), sum, answers));
        }
        return new AdderView(same.stream().map(RunRecord::id).toList(), rows, t.get("adder.note"));
    }

    /** What {@code run} answered for test pair {@code index}, as far as its record tells. */
    private Answer answer(RunRecord run, int index, int sum) {
        Evaluation e = run.test();
        if (e.firstSamples() != null) {
            for (io.github.mnistlab.eval.SampleOutcome o : e.firstSamples()) {
                if (o.index() == index) {
                    return o.right() ? new Answer("✓ " + o.predicted(), "right") : new Answer("✗ " + o.predicted(), "wrong");
                }
            }
        }
        // Records written before the first samples were kept: infer what the mistakes allow.
        for (io.github.mnistlab.eval.Mistake m : e.mistakes()) {
            if (m.index() == index) {
                return new Answer("✗ " + m.predicted(), "wrong");
            }
        }
        // Only when every mistake was kept does "not among them" mean "right".
        if (e.mistakes().size() == errors(e)) {
            return new Answer("✓ " + sum, "right");
        }
        return new Answer(t.get("adder.unknown"), "unknown");
    }

    private ScratchView scratch() {
        RunRecord framework = firstOf(ModelKind.MLP);
        RunRecord scratch = firstOf(ModelKind.MLP_SCRATCH);
        if (framework == null || scratch == null) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        for (RunRecord r : List.of(framework, scratch)) {
            rows.add(List.of(r.id(), r.preset(), String.valueOf(r.spec().hidden()), String.valueOf(r.epochs().size()),
                    r.test() == null ? "–" : ReportNumbers.fixed(r.test().accuracy(), 4), ReportNumbers.fixed(r.trainingSeconds(), 1),
                    ReportNumbers.fixed(r.trainingSeconds() / Math.max(1, r.epochs().size()), 2)));
        }
        Table table = new Table(List.of(t.get("col.run"), t.get("col.preset"), t.get("col.hidden"), t.get("col.epochs"),
                t.get("col.testAccuracy"), t.get("col.seconds"), t.get("col.secondsPerEpoch")), rows);
        String sentence = "";
        if (framework.test() != null && scratch.test() != null && framework.trainingSeconds() > 0) {
            sentence = t.format("scratch.sentence", scratch.id(), ReportNumbers.percent(scratch.test().accuracy()), framework.id(),
                    ReportNumbers.percent(framework.test().accuracy()),
                    speed(t, scratch.trainingSeconds() / framework.trainingSeconds()));
        }
        return new ScratchView(table, sentence);
    }

    /**
     * The scratch MLP's training time against the framework's as a person says it: "took 2.6 × its
     * training time" (one decimal, whole from 10 ×) from 1.1 × on, "trained 1.5 × as fast" where the
     * framework's time is 1.1 × the scratch's or more, otherwise "trained about as fast".
     */
    static String speed(ReportText t, double ratio) {
        java.math.BigDecimal least = new java.math.BigDecimal("1.1");
        String slower = ReportNumbers.times(ratio);
        if (new java.math.BigDecimal(slower).compareTo(least) >= 0) {
            return t.format("scratch.slower", slower);
        }
        String faster = ratio > 0 ? ReportNumbers.times(1 / ratio) : "";
        if (!faster.isEmpty() && new java.math.BigDecimal(faster).compareTo(least) >= 0) {
            return t.format("scratch.faster", faster);
        }
        return t.get("scratch.sameSpeed");
    }

    private RunRecord firstOf(ModelKind kind) {
        return in.runs().stream().map(ReportInputs.Run::record).filter(r -> r.spec().model() == kind).findFirst()
                .orElse(null);
    }

    private ProvenanceView provenance() {
        List<List<String>> rows = new ArrayList<>();
        Map<String, String> sha = new TreeMap<>();
        Set<String> sources = new HashSet<>();
        for (ReportInputs.Run run : in.runs()) {
            RunRecord r = run.record();
            Provenance p = r.provenance();
            if (p == null) {
                continue;
            }
            rows.add(List.of(r.id(), String.valueOf(p.seed()), p.library() + " / DJL " + p.djl() + " / " + p.engine(),
                    p.device() + " (" + p.threads() + "/" + p.cores() + ")", p.java() + ", " + p.os(),
                    String.valueOf(p.startedAt())));
            if (p.dataSha256() != null) {
                sha.putAll(p.dataSha256());
            }
            if (p.dataSource() != null) {
                sources.add(p.dataSource());
            }
        }
        Table runs = new Table(List.of(t.get("col.run"), t.get("col.seed"), t.get("col.versions"), t.get("col.device"),
                t.get("col.java"), t.get("col.started")), rows);
        List<List<String>> dataRows = new ArrayList<>();
        sha.forEach((file, hash) -> dataRows.add(List.of(file, hash)));
        sources.stream().sorted().forEach(s -> dataRows.add(List.of(t.get("provenance.source"), s)));
        Table data = new Table(List.of(t.get("provenance.file"), "SHA-256"), dataRows);
        return new ProvenanceView(runs, data, in.gitCommit() == null ? t.get("provenance.noGit") : in.gitCommit(),
                in.generatedAt() == null ? "" : in.generatedAt());
    }

    // ---- helpers ----

    private Chart chart(Chart chart) {
        charts.add(chart);
        return chart;
    }

    private static String coordinates(Map<String, Integer> c) {
        return new TreeMap<>(c).toString();
    }

}
