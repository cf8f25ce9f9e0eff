package io.github.mnistlab.train;

/**
 * Training stopped because it diverged: the loss became NaN or infinite, or the gradients stayed
 * non-finite for many steps in a row (usually a learning rate too high).
 */
public class DivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long iteration;

    public DivergedException(long iteration, float loss) {
        this(iteration, "the training loss became " + loss + " at iteration " + iteration
                + "; lower the learning rate (or check the data normalization) and train again");
    }

    private DivergedException(long iteration, String message) {
        super(message);
        this.iteration = iteration;
    }

    /** {@code steps} training steps in a row, up to {@code iteration}, had a finite loss but non-finite gradients. */
    static DivergedException nonFiniteGradients(long iteration, String parameter, int steps) {
        return new DivergedException(iteration, "the gradient of " + parameter + " was NaN or infinite in " + steps
                + " training steps in a row (to iteration " + iteration + ") while the loss stayed finite, so none"
                + " of them was applied; lower the learning rate and train again");
    }

    /** {@code steps} training steps in a row, up to {@code iteration}, had a loss far above the recent {@code typical}. */
    static DivergedException lossSpikes(long iteration, float loss, double typical, int steps) {
        return new DivergedException(iteration, "the training loss was far above the recent " + (float) typical
                + " in " + steps + " training steps in a row (to iteration " + iteration + ", " + loss
                + "), so none of them was applied; lower the learning rate and train again");
    }

    public long iteration() {
        return iteration;
    }
}
