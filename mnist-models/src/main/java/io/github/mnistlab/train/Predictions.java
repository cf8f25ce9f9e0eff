package io.github.mnistlab.train;

/**
 * A model's outputs on a whole set, read back once: mean loss, accuracy, and per sample the predicted
 * class and its probability.
 */
public record Predictions(double loss, double accuracy, int[] predicted, float[] confidence, int[] actual) {
    public int samples() {
        return predicted.length;
    }
}
