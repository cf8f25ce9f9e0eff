package io.github.mnistlab.maven.report;

import io.github.mnistlab.maven.report.Finding.Kind;
import io.github.mnistlab.record.EpochRecord;
import io.github.mnistlab.record.RunRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the small CNN lab asks of a run's curves, from its record's epochs: the gap between training
 * and validation error over the epochs (over-fitting or not, and from which epoch), the best epoch
 * and what the epochs after it cost. Each run also gets one short line for {@code summary.md}.
 *
 * <p>The rule: a run over-fits from the first epoch after its best (the epoch of lowest validation
 * error) whose validation error is at least {@link #RISE} (0.3 points) above that lowest while its
 * training error is below the best epoch's — validation worse, training still better. The best epoch
 * is the record's own where it has a validation error, else the earliest epoch of lowest validation
 * error. A run without validation errors (no held-out set) gets no finding.
 */
final class OverfitAnalysis {
    /** Validation error this far above its lowest (0.3 points), with training error still falling, is over-fitting. */
    static final double RISE = 0.003;
    /** Two numbers this close are taken as equal (their doubles' rounding). */
    private static final double EPSILON = 1e-9;

    private OverfitAnalysis() {
    }

    /** The findings of {@code r}'s curves: over-fitting or not, then the best epoch and what came after it. */
    static List<Finding> findings(RunRecord r) {
        EpochRecord best = best(r);
        if (best == null) {
            return List.of();
        }
        List<EpochRecord> epochs = r.epochs();
        EpochRecord last = epochs.get(epochs.size() - 1);
        EpochRecord from = overfitsFrom(epochs, best);
        List<Finding> out = new ArrayList<>();
        if (from != null) {
            out.add(Finding.of(Kind.OVERFIT_FROM, r.id(), r.id(), from.epoch(), percent(from.validationError()),
                    points(from.validationError() - best.validationError()), percent(best.validationError()), best.epoch(),
                    percent(best.trainError()), percent(from.trainError()), points(gap(epochs.get(0))), points(gap(last)),
                    last.epoch()));
        } else {
            double worst = epochs.stream().filter(e -> e.epoch() > best.epoch() && e.validationError() != null)
                    .mapToDouble(e -> e.validationError() - best.validationError()).max().orElse(0);
            out.add(Finding.of(Kind.OVERFIT_NONE, r.id(), r.id(), epochs.size(), points(RISE), percent(best.validationError()),
                    best.epoch(), points(worst), points(gap(epochs.get(0))), points(gap(last))));
        }
        int after = (int) epochs.stream().filter(e -> e.epoch() > best.epoch()).count();
        if (after == 0) {
            out.add(Finding.of(Kind.BEST_LAST, r.id(), r.id(), best.epoch(), epochs.size(), percent(best.validationError())));
        } else {
            double total = epochs.stream().mapToDouble(EpochRecord::seconds).sum();
            double later = laterSeconds(epochs, best);
            out.add(Finding.of(Kind.BEST_COST, r.id(), r.id(), best.epoch(), epochs.size(), percent(best.validationError()),
                    after, SweepAnalysis.seconds(later), SweepAnalysis.seconds(total), Math.round(100 * later / total),
                    percent(last.validationError())));
        }
        return out;
    }

    /** The short line of {@code r} for {@code summary.md}, or null. */
    static Finding brief(RunRecord r) {
        EpochRecord best = best(r);
        if (best == null) {
            return null;
        }
        EpochRecord from = overfitsFrom(r.epochs(), best);
        long after = r.epochs().stream().filter(e -> e.epoch() > best.epoch()).count();
        Finding.Phrase later = after == 0 ? Finding.Phrase.of("analysis.overfit.bestIsLast")
                : Finding.Phrase.of("analysis.overfit.afterBest", after, SweepAnalysis.seconds(laterSeconds(r.epochs(), best)));
        return from == null
                ? Finding.of(Kind.OVERFIT_BRIEF_NONE, r.id(), r.id(), r.epochs().size(), best.epoch(), later)
                : Finding.of(Kind.OVERFIT_BRIEF, r.id(), r.id(), from.epoch(), best.epoch(), r.epochs().size(), later);
    }

    /** The first epoch that meets the rule, or null. */
    static EpochRecord overfitsFrom(List<EpochRecord> epochs, EpochRecord best) {
        return epochs.stream().filter(e -> e.epoch() > best.epoch() && e.validationError() != null
                && e.validationError() - best.validationError() >= RISE - EPSILON && e.trainError() < best.trainError())
                .findFirst().orElse(null);
    }

    private static EpochRecord best(RunRecord r) {
        List<EpochRecord> held = r.epochs().stream().filter(e -> e.validationError() != null).toList();
        if (held.isEmpty()) {
            return null;
        }
        return held.stream().filter(e -> e.epoch() == r.bestEpoch()).findFirst().orElseGet(() -> held.stream()
                .min((a, b) -> Double.compare(a.validationError(), b.validationError())).orElseThrow());
    }

    private static double laterSeconds(List<EpochRecord> epochs, EpochRecord best) {
        return epochs.stream().filter(e -> e.epoch() > best.epoch()).mapToDouble(EpochRecord::seconds).sum();
    }

    /** Validation error less training error at {@code e}; 0 where there is no validation error. */
    private static double gap(EpochRecord e) {
        return e.validationError() == null ? 0 : e.validationError() - e.trainError();
    }

    private static String percent(Double v) {
        return ReportNumbers.percent(Objects.requireNonNull(v));
    }

    /** A difference of errors in percentage points to two decimals, e.g. 0.0035 → "0.35". */
    static String points(double difference) {
        return BigDecimal.valueOf(100 * difference).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
