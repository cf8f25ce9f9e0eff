package io.github.mnistlab.train;

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
     * A step whose loss was finite but whose gradient of {@code parameter} was not (NaN or infinite):
     * an engine fault, not a divergence. It was computed again; {@code skipped} tells whether the
     * second result was non-finite too, so that the step was not applied. (The scratch engine has no
     * such faults.)
     */
    default void onStepFault(long iteration, String parameter, boolean skipped) {
    }

    /**
     * A step whose finite loss {@code spiked} was far above the {@code typical} one of the steps before
     * it, computed once more to {@code recomputed}: applied when that was back in line, else
     * ({@code skipped}) not applied.
     */
    default void onLossSpike(long iteration, float spiked, float typical, float recomputed, boolean skipped) {
    }
}
