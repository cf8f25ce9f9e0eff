package io.github.mnistlab.maven.results;

import io.github.mnistlab.record.EpochRecord;
import io.github.mnistlab.record.LossSeries;
import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunStatus;
import io.github.mnistlab.spec.LabJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Runs set side by side, as {@code compare} writes them into {@code target/lab/comparisons/<id>.json}:
 * each run's error curve by epoch, iterations and training seconds (the lab plots error against
 * iterations or time on one chart), its loss by iteration, final accuracy and training time, and a
 * one-line verdict.
 *
 * @param id          the comparison
 * @param description free text, or null
 * @param runs        the runs, in the order given
 * @param best        the run with the highest test accuracy (the shorter training on a tie), or null
 * @param verdict     one line saying which run is best and by how much
 */
public record ComparisonResult(String id, String description, List<Entry> runs, String best, String verdict) {

    /**
     * One run of a comparison.
     *
     * @param testAccuracy    null when the run did not complete
     * @param iterations      iterations trained in all
     * @param curve           one point per epoch
     * @param iterationLoss   training loss over iterations
     */
    public record Entry(String id, String preset, RunStatus status, Double testAccuracy, Double testError,
            double trainingSeconds, long iterations, int bestEpoch, List<CurvePoint> curve, LossSeries iterationLoss) {
    }

    /**
     * The errors at the end of one epoch.
     *
     * @param seconds training seconds up to the end of this epoch
     */
    public record CurvePoint(int epoch, long iterations, double seconds, double trainError, Double validationError,
            Double testError) {
    }

    /** Compares {@code records} (in that order). */
    public static ComparisonResult of(String id, String description, List<RunRecord> records) {
        List<Entry> entries = records.stream().map(ComparisonResult::entry).toList();
        Entry best = entries.stream().filter(e -> e.testAccuracy() != null)
                .max(Comparator.comparingDouble(Entry::testAccuracy)
                        .thenComparing(Comparator.comparingDouble(Entry::trainingSeconds).reversed()))
                .orElse(null);
        return new ComparisonResult(id, description, entries, best == null ? null : best.id(), verdict(id, entries, best));
    }

    private static Entry entry(RunRecord r) {
        List<CurvePoint> curve = new ArrayList<>();
        double seconds = 0;
        for (EpochRecord e : r.epochs()) {
            seconds += e.seconds();
            curve.add(new CurvePoint(e.epoch(), e.iterations(), seconds, e.trainError(), e.validationError(),
                    e.testError()));
        }
        long iterations = r.epochs().isEmpty() ? 0 : r.epochs().get(r.epochs().size() - 1).iterations();
        boolean complete = r.status() == RunStatus.COMPLETE && r.test() != null;
        return new Entry(r.id(), r.preset(), r.status(), complete ? r.test().accuracy() : null,
                complete ? r.test().error() : null, r.trainingSeconds(), iterations, r.bestEpoch(), curve,
                r.iterationLoss());
    }

    private static String verdict(String id, List<Entry> entries, Entry best) {
        String tag = "[" + id + "] ";
        if (best == null) {
            return tag + "no run of this comparison completed";
        }
        StringBuilder line = new StringBuilder(tag).append(String.format(Locale.ROOT,
                "%s is best: test error %.2f%% after %.1f s training (%d iterations)", best.id(),
                100 * best.testError(), best.trainingSeconds(), best.iterations()));
        for (Entry e : entries) {
            if (e == best) {
                continue;
            }
            if (e.testAccuracy() == null) {
                line.append("; ").append(e.id()).append(": ").append(e.status());
            } else {
                line.append(String.format(Locale.ROOT, "; %s: %.2f%% (+%.2f points) after %.1f s (%d iterations)",
                        e.id(), 100 * e.testError(), 100 * (e.testError() - best.testError()), e.trainingSeconds(),
                        e.iterations()));
            }
        }
        return line.toString();
    }

    public String toJson() {
        return LabJson.gson().toJson(this) + "\n";
    }
}
