package io.github.mnistlab.eval;

/**
 * One misclassified sample.
 *
 * @param index      its index in the evaluated set
 * @param actual     the true class
 * @param predicted  the predicted class
 * @param confidence the probability the model gave its (wrong) prediction
 */
public record Mistake(int index, int actual, int predicted, double confidence) {
}
