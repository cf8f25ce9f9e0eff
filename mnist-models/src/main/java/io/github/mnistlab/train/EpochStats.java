package io.github.mnistlab.train;

/**
 * What one pass over a digit set measured.
 *
 * @param loss     mean cross-entropy loss per sample
 * @param accuracy fraction of samples classified correctly
 * @param samples  how many samples were seen
 * @param seconds  wall-clock time of the pass
 */
public record EpochStats(double loss, double accuracy, int samples, double seconds) {
    /** 1 − accuracy, the labs' "error rate". */
    public double error() {
        return 1 - accuracy;
    }
}
