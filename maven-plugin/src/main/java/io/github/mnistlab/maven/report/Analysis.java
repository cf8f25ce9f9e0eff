package io.github.mnistlab.maven.report;

import io.github.mnistlab.maven.report.Finding.Kind;
import io.github.mnistlab.maven.results.ComparisonResult.CurvePoint;
import io.github.mnistlab.maven.results.ComparisonResult.Entry;
import io.github.mnistlab.maven.results.ComparisonResult;
import io.github.mnistlab.record.EpochRecord;
import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.StepEvent;
import io.github.mnistlab.spec.Presets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The report's analysis: typed {@link Finding}s drawn from the numbers of the runs and comparisons — where
 * each run ended, overfitting (training error well below validation error at the last epoch), an
 * early best epoch (both left to the small CNN's section for its runs: {@link OverfitAnalysis}), steps held
 * back by the step check, the best run of each comparison and where two
 * validation curves cross — then put into words in the report's language. Kept apart from the view
 * assembly so that each rule can be tested alone.
 */
final class Analysis {
    /** A validation error this far above the training error at the last epoch reads as overfitting. */
    static final double OVERFIT_GAP = 0.02;

    private Analysis() {
    }

    /** The findings' sentences in the report's language. */
    static List<String> sentences(ReportInputs in, ReportText t) {
        return findings(in).stream().map(f -> f.text(t)).toList();
    }

    /** The findings: per run, then per comparison; one {@link Finding.Kind#NONE} when there is nothing. */
    static List<Finding> findings(ReportInputs in) {
        List<Finding> findings = new ArrayList<>();
        for (ReportInputs.Run run : in.runs()) {
            RunRecord r = run.record();
            if (r.epochs().isEmpty()) {
                findings.add(Finding.of(Kind.NO_EPOCHS, r.id(), r.id(), r.status()));
                continue;
            }
            EpochRecord last = r.epochs().get(r.epochs().size() - 1);
            Double bestValidation = r.epochs().stream().map(EpochRecord::validationError).filter(Objects::nonNull)
                    .min(Double::compare).orElse(null);
            if (r.test() != null) {
                findings.add(Finding.of(Kind.REACHED, r.id(), r.id(), ReportNumbers.percent(r.test().error()), last.iterations(),
                        ReportNumbers.fixed(r.trainingSeconds(), 1), r.bestEpoch(), r.epochs().size()));
            } else {
                findings.add(Finding.of(Kind.STOPPED, r.id(), r.id(), r.status(), r.message() == null ? "" : r.message()));
            }
            // the small CNN's section answers both by its own rule (OverfitAnalysis): not said twice, nor differently
            boolean curvesInSection = Lab.of(r) == Lab.SMALL_CNN;
            if (!curvesInSection && last.validationError() != null && last.validationError() - last.trainError() > OVERFIT_GAP) {
                findings.add(Finding.of(Kind.OVERFIT, r.id(), r.id(), ReportNumbers.percent(last.trainError()),
                        ReportNumbers.percent(last.validationError())));
            }
            if (r.skippedSteps() + r.recomputedSteps() > 0) {
                findings.add(stepEvents(r));
            }
            if (!curvesInSection && bestValidation != null && r.bestEpoch() < r.epochs().size()) {
                findings.add(Finding.of(Kind.EARLY_BEST, r.id(), r.id(), r.bestEpoch(), r.epochs().size()));
            }
        }
        findings.addAll(improvements(in));
        for (ComparisonResult c : in.comparisons()) {
            if (c.best() != null) {
                Entry best = c.runs().stream().filter(e -> e.id().equals(c.best())).findFirst().orElseThrow();
                findings.add(Finding.of(Kind.COMPARE_BEST, c.id(), c.id(), best.id(), ReportNumbers.percent(best.testError()),
                        ReportNumbers.fixed(best.trainingSeconds(), 1), best.iterations()));
            }
            for (int i = 0; i < c.runs().size(); i++) {
                for (int j = i + 1; j < c.runs().size(); j++) {
                    Finding crossing = crossing(c.id(), c.runs().get(i), c.runs().get(j));
                    if (crossing != null) {
                        findings.add(crossing);
                    }
                }
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.of(Kind.NONE, null));
        }
        return findings;
    }

    /**
     * The steps the step check set aside in {@code r}, counted by kind as the record names them; a
     * record written before the kinds were kept gives only its totals.
     */
    private static Finding stepEvents(RunRecord r) {
        int total = r.skippedSteps() + r.recomputedSteps();
        if (r.stepEvents().isEmpty()) {
            return Finding.of(Kind.STEP_EVENTS_UNNAMED, r.id(), r.id(), total, r.recomputedSteps(), r.skippedSteps());
        }
        Map<StepEvent.Kind, Long> byKind = r.stepEvents().stream()
                .collect(Collectors.groupingBy(StepEvent::kind, Collectors.counting()));
        return Finding.of(Kind.STEP_EVENTS, r.id(), r.id(), total,
                byKind.getOrDefault(StepEvent.Kind.NON_FINITE_GRADIENT, 0L),
                byKind.getOrDefault(StepEvent.Kind.LOSS_SPIKE, 0L),
                byKind.getOrDefault(StepEvent.Kind.GRADIENT_SPIKE, 0L), r.recomputedSteps(), r.skippedSteps());
    }

    /**
     * Faithful against improved, per lab: each complete run of an improved preset next to the first
     * complete run of its lab's preset, by test accuracy, errors and training time.
     */
    private static List<Finding> improvements(ReportInputs in) {
        List<Finding> out = new ArrayList<>();
        for (ReportInputs.Run run : in.runs()) {
            RunRecord plus = run.record();
            if (plus.test() == null || !Presets.improvedIds().contains(plus.preset())) {
                continue;
            }
            String lab = Presets.lab(plus.preset());
            in.runs().stream().map(ReportInputs.Run::record)
                    .filter(r -> r.test() != null && lab.equals(r.preset())).findFirst()
                    .ifPresent(faithful -> out.add(Finding.of(Kind.IMPROVED, plus.id(), plus.id(), plus.preset(),
                            ReportNumbers.percent(plus.test().accuracy()), faithful.id(), lab,
                            ReportNumbers.percent(faithful.test().accuracy()),
                            String.format(Locale.ROOT, "%+.2f", 100 * (plus.test().accuracy() - faithful.test().accuracy())),
                            errorChange(plus.test().error(), faithful.test().error()),
                            ReportNumbers.fixed(plus.trainingSeconds(), 1), ReportNumbers.fixed(faithful.trainingSeconds(), 1))));
        }
        return out;
    }

    /** A change below this many per cent of the errors, either way, reads as about as many errors. */
    static final int SAME_ERRORS_PERCENT = 1;

    /**
     * How {@code error} compares with {@code reference} as a person would say it: "cuts the errors by
     * 70 %" (the cut rounded to a whole per cent, at least {@value #SAME_ERRORS_PERCENT}), "2.6 × as
     * many errors" (the ratio to one decimal, whole from 10 ×, at least 1.1 ×), otherwise "about as
     * many errors"; a reference without errors gives "errors where the other made none".
     */
    static Finding.Phrase errorChange(double error, double reference) {
        if (reference <= 0) {
            return Finding.Phrase.of(error <= 0 ? "analysis.errors.same" : "analysis.errors.noneBefore");
        }
        double ratio = error / reference;
        long cut = Math.round(100 * (1 - ratio));
        if (cut >= SAME_ERRORS_PERCENT) {
            return Finding.Phrase.of("analysis.errors.fewer", cut);
        }
        String times = ReportNumbers.times(ratio);
        if (new java.math.BigDecimal(times).compareTo(new java.math.BigDecimal("1.1")) >= 0) {
            return Finding.Phrase.of("analysis.errors.more", times);
        }
        return Finding.Phrase.of("analysis.errors.same");
    }

    /** Where the validation curves of {@code a} and {@code b} cross (by epoch), or null if they do not. */
    private static Finding crossing(String comparison, Entry a, Entry b) {
        int n = Math.min(a.curve().size(), b.curve().size());
        Integer previous = null;
        for (int i = 0; i < n; i++) {
            Double ea = error(a.curve().get(i));
            Double eb = error(b.curve().get(i));
            if (ea == null || eb == null || ea.equals(eb)) {
                continue;
            }
            int sign = ea < eb ? -1 : 1;
            if (previous != null && sign != previous) {
                String leader = sign < 0 ? a.id() : b.id();
                return Finding.of(Kind.CROSS, comparison, a.id(), b.id(), a.curve().get(i).epoch(), leader);
            }
            previous = sign;
        }
        return null;
    }

    private static Double error(CurvePoint p) {
        return p.validationError() != null ? p.validationError() : p.testError();
    }
}
