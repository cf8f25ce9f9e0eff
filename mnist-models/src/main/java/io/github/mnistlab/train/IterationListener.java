package io.github.mnistlab.train;

import io.github.mnistlab.record.StepEvent;

/**
 * Hears a training epoch as it runs, batch by batch: the DJL trainer ({@link TrainingLoop}) and the
 * framework-free engine ({@code ScratchMlp}) both report through it. It is called on the training
 * thread between updates, so it must be quick and must not use the model.
 */
@FunctionalInterface
public interface IterationListener {
    /**
     * Called once per training batch.
     *
     * @param iteration the batch's number as its trainer counts it ({@link TrainingLoop}: cumulative
     *                  over the run; {@code ScratchMlp}: within the epoch, from 1)
     * @param loss      the batch's mean cross-entropy loss per sample, before its update (without an L2 term)
     */
    void onIteration(long iteration, float loss);

    /**
     * A step the step check did not apply as first computed (a non-finite gradient, a loss spike or a
     * gradient spike): it was computed once more, and {@link StepEvent#skipped()} tells whether that
     * result was out of line too, so that the step was not applied. (The scratch engine has none.)
     */
    default void onStepEvent(StepEvent event) {
    }
}
