package io.github.mnistlab.train;

/** Training stopped because the loss became NaN or infinite (usually a learning rate too high). */
public class DivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long iteration;

    public DivergedException(long iteration, float loss) {
        super("the training loss became " + loss + " at iteration " + iteration
                + "; lower the learning rate (or check the data normalization) and train again");
        this.iteration = iteration;
    }

    public long iteration() {
        return iteration;
    }
}
