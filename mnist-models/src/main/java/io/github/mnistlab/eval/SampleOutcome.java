package io.github.mnistlab.eval;

/**
 * What the model answered for one sample, right or wrong — kept for the first few samples of a set so
 * a report can show them (e.g. the adder lab's sample pairs) without running the model again.
 *
 * @param index      the sample's index in the evaluated set
 * @param actual     the true class
 * @param predicted  the predicted class
 * @param confidence the probability of the prediction, or NaN
 */
public record SampleOutcome(int index, int actual, int predicted, double confidence) {
    public boolean right() {
        return actual == predicted;
    }
}
