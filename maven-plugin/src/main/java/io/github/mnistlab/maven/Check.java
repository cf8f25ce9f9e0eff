package io.github.mnistlab.maven;

import io.github.mnistlab.maven.results.Threshold;

/**
 * One {@code <check>}: limits a run must meet, or {@code check} fails the build.
 *
 * <pre>{@code
 * <check>
 *   <run>digits</run>
 *   <minTestAccuracy>0.97</minTestAccuracy>
 *   <maxTrainingSeconds>600</maxTrainingSeconds>
 * </check>
 * }</pre>
 *
 * @since 0.1.0
 */
public class Check {
    /** The id of the run to check. Required. */
    private String run;
    /** The lowest acceptable test accuracy, a fraction in [0, 1]. */
    private Double minTestAccuracy;
    /** The longest acceptable training time in seconds (training passes only). */
    private Double maxTrainingSeconds;

    public void setRun(String run) {
        this.run = run;
    }

    public void setMinTestAccuracy(Double minTestAccuracy) {
        this.minTestAccuracy = minTestAccuracy;
    }

    public void setMaxTrainingSeconds(Double maxTrainingSeconds) {
        this.maxTrainingSeconds = maxTrainingSeconds;
    }

    Threshold toThreshold() {
        return new Threshold(run == null ? null : run.strip(), minTestAccuracy, maxTrainingSeconds);
    }
}
