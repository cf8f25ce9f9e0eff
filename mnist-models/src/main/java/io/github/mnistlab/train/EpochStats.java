package io.github.mnistlab.train;

/**
 * What one pass over a digit set measured.
 *
 * @param loss     mean cross-entropy loss per sample
 * @param accuracy fraction of samples classified correctly
 * @param samples  how many samples were seen
 * @param seconds  wall-clock time of the pass
 * @param recomputedSteps training steps whose gradients were non-finite at first and finite when
 *                 computed again (engine faults that were recovered)
 * @param skippedSteps training steps not applied because their gradients were non-finite twice
 */
public record EpochStats(double loss, double accuracy, int samples, double seconds, int recomputedSteps,
        int skippedSteps) {
    /** 1 − accuracy, the labs' "error rate". */
    public double error() {
        return 1 - accuracy;
    }
}
