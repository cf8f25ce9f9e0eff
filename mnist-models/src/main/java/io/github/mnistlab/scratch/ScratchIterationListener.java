package io.github.mnistlab.scratch;

/**
 * Receives the mean loss of each mini-batch of {@link ScratchMlp#trainEpoch}: the iteration number
 * counts the batches of that epoch from 1, and the loss is the batch's mean cross-entropy per sample
 * before the update (without the L2 term). It is called on the training thread, between updates,
 * so it must be quick and must not use the model.
 */
@FunctionalInterface
public interface ScratchIterationListener {
    /**
     * Called once per mini-batch.
     *
     * @param iteration the batch number within the epoch, from 1
     * @param loss      the batch's mean cross-entropy loss per sample, without the L2 term
     */
    void onIteration(long iteration, float loss);
}
