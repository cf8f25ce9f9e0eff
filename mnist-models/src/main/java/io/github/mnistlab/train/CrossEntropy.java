package io.github.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import io.github.mnistlab.model.Scalars;

/**
 * Softmax cross-entropy of logits against integer class labels, averaged over the batch: the value
 * (and gradient) of DJL's {@code Loss.softmaxCrossEntropyLoss()}, computed as
 * {@code −mean(gather(logSoftmax(logits), labels))}. DJL's own version picks through an index
 * expression that costs several native calls per batch; a gather on the labels is one, which
 * matters when a step is as small as the MLP lab's (batch 10).
 *
 * <p>With label smoothing ε the target puts 1 − ε on the label and spreads ε evenly over all K
 * classes, so the loss is {@code −mean((1 − ε)·logp[label] + (ε / K)·Σ logp)}: the network is no
 * longer pushed towards ever larger logits for a class it already gets right.
 */
public final class CrossEntropy extends Loss {
    private final float smoothing;

    /** The plain cross-entropy of the labs. */
    public CrossEntropy() {
        this(0);
    }

    /** @param smoothing label smoothing ε, 0 ≤ ε &lt; 1; 0 is the plain cross-entropy */
    public CrossEntropy(float smoothing) {
        super("SoftmaxCrossEntropyLoss");
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException("label smoothing is " + smoothing + ", expected 0 ≤ ε < 1");
        }
        this.smoothing = smoothing;
    }

    /**
     * @param label      one tensor of class indices, shape (B) or (B, 1), int64
     * @param prediction one tensor of logits, shape (B, classes)
     * @return the mean loss, a scalar
     */
    @Override
    public NDArray evaluate(NDList label, NDList prediction) {
        NDArray logits = prediction.singletonOrThrow();
        NDArray classes = label.singletonOrThrow().reshape(-1, 1);
        NDArray logp = logits.logSoftmax(1);
        NDArray picked = logp.gather(classes, 1);
        if (smoothing == 0) {
            return picked.mean().neg();
        }
        long k = logits.getShape().get(1);
        // libtorch scalars: the backward pass reads both weights after this returns (see Scalars)
        return Scalars.times(picked, 1 - smoothing).add(Scalars.times(logp.sum(new int[] {1}, true), smoothing / k))
                .mean().neg();
    }
}
