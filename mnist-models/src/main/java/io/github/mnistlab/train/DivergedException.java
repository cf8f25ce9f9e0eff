package io.github.mnistlab.train;

import io.github.mnistlab.record.StepEvent;

/**
 * Training stopped because it diverged: the loss became NaN or infinite, or many steps in a row were
 * out of line twice and skipped (a non-finite gradient, a loss or gradient spike; usually a learning
 * rate too high).
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

    /** {@code steps} training steps in a row, the last of them {@code last}, were out of line twice and not applied. */
    static DivergedException stepsSkipped(StepEvent last, int steps) {
        return new DivergedException(last.iteration(), steps + " training steps in a row were not applied (the last, "
                + last.describe().replaceFirst("; out of line.*", "") + "), each out of line again when computed once"
                + " more; lower the learning rate and train again");
    }

    public long iteration() {
        return iteration;
    }
}
