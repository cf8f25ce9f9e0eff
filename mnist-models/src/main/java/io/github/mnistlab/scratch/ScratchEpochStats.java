package io.github.mnistlab.scratch;

/**
 * What one pass of a {@link ScratchMlp} over a digit set measured: for a training epoch the loss and
 * accuracy of each batch as it was before that batch's update, for an evaluation those of the fixed
 * model. The loss is the mean softmax cross-entropy per sample, without the L2 penalty, so that it is
 * comparable across weight-decay settings and with the DJL models' {@code EpochStats}.
 *
 * @param loss     mean cross-entropy loss per sample (without the L2 term)
 * @param accuracy fraction of samples whose largest output was their label
 * @param samples  how many samples were seen
 * @param seconds  wall-clock time of the pass
 */
public record ScratchEpochStats(double loss, double accuracy, int samples, double seconds) {
    /** 1 − accuracy, the labs' "error rate". */
    public double error() {
        return 1 - accuracy;
    }
}
