package io.github.mnistlab.maven.report;

/**
 * One run as a row of the runs table, every value already formatted (the template does no arithmetic).
 *
 * @param id              the run
 * @param preset          its preset
 * @param description     the experiment's description from the POM, or empty
 * @param status          {@code complete} or {@code diverged}
 * @param hyperparameters e.g. {@code sgd lr 0.01, momentum 0.5, batch 64, limit 2000}
 * @param device          e.g. {@code cpu, 2 threads}
 * @param epochs          epochs trained
 * @param bestEpoch       the epoch whose parameters were kept
 * @param testAccuracy    e.g. {@code 0.9712}, or {@code –} without a test evaluation
 * @param trainingSeconds e.g. {@code 12.3}
 * @param skippedSteps    steps not applied because the step check found them out of line twice (a non-finite
 *                        gradient, a loss or gradient spike), and in brackets those computed again and then
 *                        applied, e.g. {@code 0 (1)}
 * @param csv             the run's epochs as CSV, relative to the page, e.g. {@code data/digits-epochs.csv}
 */
public record RunRow(String id, String preset, String description, String status, String hyperparameters,
        String device, int epochs, int bestEpoch, String testAccuracy, String trainingSeconds, String skippedSteps,
        String csv) {
}
