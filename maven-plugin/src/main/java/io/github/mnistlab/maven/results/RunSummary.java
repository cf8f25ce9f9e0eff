package io.github.mnistlab.maven.results;

import io.github.mnistlab.eval.ClassMetrics;
import io.github.mnistlab.eval.Evaluation;
import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunStatus;
import io.github.mnistlab.spec.LabJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The test evaluation of one run in brief, as {@code evaluate} logs it and writes it into
 * {@code target/lab/evaluations.json}. Test values are null for a run that did not complete.
 *
 * @param id              the run
 * @param preset          its preset
 * @param status          {@code complete} or {@code diverged}
 * @param message         why it stopped early, or null
 * @param testSamples     test digits (or pairs) evaluated
 * @param testAccuracy    fraction of the test set predicted correctly
 * @param testError       1 − test accuracy
 * @param macroF1         unweighted mean F1 over the classes present
 * @param bestEpoch       the epoch whose parameters were kept
 * @param epochs          epochs trained
 * @param trainingSeconds seconds of training passes
 * @param perClass        precision, recall and F1 of each class
 */
public record RunSummary(String id, String preset, RunStatus status, String message, Integer testSamples,
        Double testAccuracy, Double testError, Double macroF1, int bestEpoch, int epochs, double trainingSeconds,
        List<ClassMetrics> perClass) {

    public static RunSummary of(RunRecord r) {
        Evaluation t = r.test();
        return new RunSummary(r.id(), r.preset(), r.status(), r.message(), t == null ? null : t.samples(),
                t == null ? null : t.accuracy(), t == null ? null : t.error(), t == null ? null : t.macroF1(),
                r.bestEpoch(), r.epochs().size(), r.trainingSeconds(), t == null ? List.of() : t.perClass());
    }

    /** The log lines: a headline, then the per-class table. */
    public List<String> logLines() {
        String tag = "[" + id + "] ";
        List<String> lines = new ArrayList<>();
        if (testAccuracy == null) {
            lines.add(tag + preset + ": " + status + (message == null ? "" : " (" + message + ")")
                    + ", no test evaluation");
            return lines;
        }
        String unit = perClass.size() > 10 ? "pairs" : "digits";
        lines.add(tag + String.format(Locale.ROOT,
                "%s: test accuracy %.4f (error %.2f%%) on %d test %s, best epoch %d of %d, %.1f s training",
                preset, testAccuracy, 100 * testError, testSamples, unit, bestEpoch, epochs, trainingSeconds));
        lines.add(tag + String.format(Locale.ROOT, "%7s %10s %8s %8s %8s", "class", "precision", "recall", "F1",
                "support"));
        for (ClassMetrics m : perClass) {
            lines.add(tag + String.format(Locale.ROOT, "%7d %10.4f %8.4f %8.4f %8d", m.label(), m.precision(),
                    m.recall(), m.f1(), m.support()));
        }
        lines.add(tag + String.format(Locale.ROOT, "macro F1 %.4f", macroF1));
        return lines;
    }

    /** The content of {@code evaluations.json}: {@code {"runs": [summary…]}}. */
    public static String toJson(List<RunSummary> summaries) {
        return LabJson.gson().toJson(Map.of("runs", summaries)) + "\n";
    }
}
