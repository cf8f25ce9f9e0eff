package io.github.mnistlab.maven.report;

import io.github.mnistlab.experiment.RunRecord;
import java.util.Locale;

/**
 * One run as a row of the report, every value already formatted (the template does no arithmetic).
 *
 * @param id              the run
 * @param preset          its preset
 * @param description     the experiment's description from the POM, or empty
 * @param status          {@code complete} or {@code diverged}
 * @param epochs          epochs trained
 * @param bestEpoch       the epoch whose parameters were kept
 * @param testAccuracy    e.g. {@code 0.9712}, or {@code –} without a test evaluation
 * @param trainingSeconds e.g. {@code 12.3}
 */
public record RunRow(String id, String preset, String description, String status, int epochs, int bestEpoch,
        String testAccuracy, String trainingSeconds) {

    /** The row of {@code record}; {@code description} may be null. */
    public static RunRow of(RunRecord record, String description) {
        return new RunRow(record.id(), record.preset(), description == null ? "" : description, record.status(),
                record.epochs().size(), record.bestEpoch(),
                record.test() == null ? "–" : String.format(Locale.ROOT, "%.4f", record.test().accuracy()),
                String.format(Locale.ROOT, "%.1f", record.trainingSeconds()));
    }
}
