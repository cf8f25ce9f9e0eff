package io.github.mnistlab.maven.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The limits one run must meet for {@code check}. A null limit is not checked.
 *
 * @param run                the run's id
 * @param minTestAccuracy    the lowest acceptable test accuracy, in [0, 1]
 * @param maxTrainingSeconds the longest acceptable training time, in seconds
 */
public record Threshold(String run, Double minTestAccuracy, Double maxTrainingSeconds) {
    public Threshold {
        if (run == null || run.isBlank()) {
            throw new IllegalArgumentException("a <check> names no <run>; give the id of the experiment to check");
        }
        if (minTestAccuracy != null && !(minTestAccuracy >= 0 && minTestAccuracy <= 1)) {
            throw new IllegalArgumentException("check of run '" + run + "': minTestAccuracy is " + minTestAccuracy
                    + ", expected a fraction between 0 and 1, e.g. 0.97");
        }
        if (maxTrainingSeconds != null && !(maxTrainingSeconds > 0)) {
            throw new IllegalArgumentException("check of run '" + run + "': maxTrainingSeconds is "
                    + maxTrainingSeconds + ", expected a number of seconds > 0");
        }
    }

    /** The limits {@code run} misses, one message each with the actual and the expected value. */
    public List<String> misses(CatalogedRun run) {
        List<String> misses = new ArrayList<>();
        String tag = "run '" + this.run + "': ";
        if (!run.complete()) {
            misses.add(tag + "status is " + run.record().status() + ", but a check needs a complete run");
            return misses;
        }
        double accuracy = run.record().test().accuracy();
        if (minTestAccuracy != null && accuracy < minTestAccuracy) {
            misses.add(tag + String.format(Locale.ROOT, "test accuracy is %.4f, but the minimum is %s",
                    accuracy, asWritten(minTestAccuracy)));
        }
        double seconds = run.record().trainingSeconds();
        if (maxTrainingSeconds != null && seconds > maxTrainingSeconds) {
            misses.add(tag + String.format(Locale.ROOT, "training took %.1f s, but the maximum is %s s",
                    seconds, asWritten(maxTrainingSeconds)));
        }
        return misses;
    }

    /** A limit as the POM gives it: {@code 0.97}, {@code 60}, {@code 0.01}. */
    static String asWritten(double limit) {
        return BigDecimal.valueOf(limit).stripTrailingZeros().toPlainString();
    }
}
