package io.github.mnistlab.train;

/**
 * What one pass over a digit set measured, by the DJL trainer or the framework-free engine: for a
 * training epoch the loss and accuracy of each batch as it was before that batch's update, for an
 * evaluation those of the fixed model. The loss is the mean softmax cross-entropy per sample (the
 * scratch engine's without its L2 term).
 *
 * @param loss     mean cross-entropy loss per sample
 * @param accuracy fraction of samples classified correctly
 * @param samples  how many samples were seen
 * @param seconds  wall-clock time of the pass
 * @param recomputedSteps training steps the step check found out of line and applied when computed again
 * @param skippedSteps training steps not applied because they were out of line twice
 */
public record EpochStats(double loss, double accuracy, int samples, double seconds, int recomputedSteps,
        int skippedSteps) {
    /** 1 − accuracy, the labs' "error rate". */
    public double error() {
        return 1 - accuracy;
    }
}
