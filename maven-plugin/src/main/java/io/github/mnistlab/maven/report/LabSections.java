package io.github.mnistlab.maven.report;

import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.maven.report.ReportView.FeatureRow;
import io.github.mnistlab.maven.report.ReportView.Figure;
import io.github.mnistlab.maven.report.ReportView.LabSectionView;
import io.github.mnistlab.maven.report.ReportView.Link;
import io.github.mnistlab.maven.report.ReportView.PicturesView;
import io.github.mnistlab.maven.report.ReportView.Table;
import io.github.mnistlab.maven.results.ComparisonResult;
import io.github.mnistlab.record.RunPictures;
import io.github.mnistlab.record.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report's lab sections, one per lab that has runs or sweeps, in the course's order (see
 * {@link Lab}): the lab's runs against the lab's own numbers, links to their parts elsewhere on the
 * page, what its runs answer (the small CNN's curves: {@link OverfitAnalysis}; the wide CNN's hardest
 * digits and confusions: {@link ConfusionAnalysis}), what its sweeps answer ({@link SweepAnalysis}), and the
 * kernels and feature maps its CNN runs recorded.
 */
final class LabSections {
    private final ReportInputs in;
    private final ReportText t;

    private LabSections(ReportInputs in, ReportText t) {
        this.in = in;
        this.t = t;
    }

    /** The sections of the labs present in {@code in}. */
    static List<LabSectionView> of(ReportInputs in, ReportText t, boolean hasScratchView, boolean hasAdderView) {
        LabSections sections = new LabSections(in, t);
        List<LabSectionView> out = new ArrayList<>();
        for (Lab lab : Lab.values()) {
            List<ReportInputs.Run> runs = in.runs().stream().filter(r -> Lab.of(r.record()) == lab).toList();
            List<ReportInputs.Sweep> sweeps = in.sweeps().stream().filter(s -> lab.has(s.record())).toList();
            if (!runs.isEmpty() || !sweeps.isEmpty()) {
                out.add(sections.section(lab, runs, sweeps, hasScratchView, hasAdderView));
            }
        }
        return out;
    }

    private LabSectionView section(Lab lab, List<ReportInputs.Run> runs, List<ReportInputs.Sweep> sweeps,
            boolean hasScratchView, boolean hasAdderView) {
        List<List<String>> rows = new ArrayList<>();
        for (ReportInputs.Run run : runs) {
            RunRecord r = run.record();
            Optional<Double> reference = lab.reference(r.preset());
            String accuracy = r.test() == null ? "–" : ReportNumbers.percent(r.test().accuracy());
            String difference = r.test() == null || reference.isEmpty() ? "–"
                    : String.format(java.util.Locale.ROOT, "%+.2f", 100 * (r.test().accuracy() - reference.get()));
            rows.add(List.of(r.id(), r.preset(), accuracy, reference.map(ReportNumbers::percent).orElse("–"), difference));
        }
        Table results = new Table(List.of(t.get("col.run"), t.get("col.preset"), t.get("col.testAccuracy"),
                t.get("col.labNumber"), t.get("col.difference")), rows);
        List<Link> details = new ArrayList<>();
        switch (lab) {
            case MLP -> {
                if (hasScratchView) {
                    details.add(new Link("#scratch", t.get("section.scratch")));
                }
            }
            case LENET -> details.add(new Link("#losses", t.get("section.loss")));
            case WIDE_CNN -> details.add(new Link("#data", t.get("section.data")));
            case ADDER -> {
                if (hasAdderView) {
                    details.add(new Link("#adder", t.get("section.adder")));
                }
            }
            default -> {
            }
        }
        for (ReportInputs.Sweep sweep : sweeps) {
            details.add(new Link("#sweep-" + sweep.id(), t.format("link.sweep", sweep.id())));
        }
        for (ComparisonResult c : in.comparisons()) {
            if (c.runs().stream().anyMatch(e -> runs.stream().anyMatch(r -> r.record().id().equals(e.id())))) {
                details.add(new Link("#comparison-" + c.id(), t.format("link.comparison", c.id())));
            }
        }
        for (ReportInputs.Run run : runs) {
            if (run.record().test() != null) {
                details.add(new Link("#evaluation-" + run.record().id(), t.format("link.evaluation", run.record().id())));
            }
        }
        List<PicturesView> pictures = runs.stream().filter(r -> r.directory() != null && !r.record().pictures().isEmpty())
                .map(this::pictures).toList();
        List<String> analysis = new ArrayList<>();
        List<String> brief = new ArrayList<>();
        for (ReportInputs.Run run : runs) {
            List<Finding> findings = lab == Lab.SMALL_CNN ? OverfitAnalysis.findings(run.record())
                    : lab == Lab.WIDE_CNN ? ConfusionAnalysis.findings(run.record()) : List.of();
            findings.forEach(f -> analysis.add(f.text(t)));
            Finding line = lab == Lab.SMALL_CNN ? OverfitAnalysis.brief(run.record())
                    : lab == Lab.WIDE_CNN ? ConfusionAnalysis.brief(run.record()) : null;
            if (line != null) {
                brief.add(line.text(t));
            }
        }
        for (ReportInputs.Sweep sweep : sweeps) {
            SweepAnalysis.findings(sweep).forEach(f -> analysis.add(f.text(t)));
            Finding line = SweepAnalysis.brief(sweep);
            if (line != null) {
                brief.add(line.text(t));
            }
        }
        return new LabSectionView("lab-" + lab.id(), t.get("lab." + lab.id() + ".title"), t.get("lab." + lab.id() + ".goal"),
                results, details, pictures, analysis, brief);
    }

    private PicturesView pictures(ReportInputs.Run run) {
        RunPictures p = run.record().pictures();
        List<Figure> kernels = new ArrayList<>();
        for (RunPictures.KernelPicture k : p.kernels()) {
            String when = k.epoch() == 0 ? t.get("pictures.start") : t.format("pictures.epoch", k.epoch(), k.iteration());
            kernels.add(new Figure(DigitPng.fileUri(run.directory().resolve(k.file())),
                    k.best() ? when + " · " + t.get("pictures.best") : when));
        }
        String kernelsNote = p.kernels().isEmpty() ? "" : t.format("pictures.kernelsNote", p.kernels().get(0).channels(),
                p.kernels().get(0).kernel(), String.format(java.util.Locale.ROOT, "%.3g", p.kernels().get(0).maxAbs()));
        List<FeatureRow> features = new ArrayList<>();
        MnistDataset data = in.data();
        for (RunPictures.FeatureMapPicture m : p.featureMaps()) {
            if (features.isEmpty() || !features.get(features.size() - 1).caption()
                    .equals(t.format("pictures.digit", m.digit(), m.label()))) {
                features.add(new FeatureRow(data == null || m.digit() >= data.test().count() ? null
                        : DigitPng.dataUri(data.test(), m.digit()), t.format("pictures.digit", m.digit(), m.label()),
                        new ArrayList<>()));
            }
            features.get(features.size() - 1).layers().add(new Figure(DigitPng.fileUri(run.directory().resolve(m.file())),
                    t.format("pictures.layer", m.layer(), m.channels(), m.side())));
        }
        return new PicturesView(run.record().id(), kernelsNote, kernels, features.stream()
                .map(f -> new FeatureRow(f.digit(), f.caption(), List.copyOf(f.layers()))).toList());
    }
}
