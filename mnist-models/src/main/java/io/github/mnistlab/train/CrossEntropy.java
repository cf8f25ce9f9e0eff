package io.github.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross-entropy of logits against integer class labels, averaged over the batch: the value
 * (and gradient) of DJL's {@code Loss.softmaxCrossEntropyLoss()}, computed as
 * {@code −mean(gather(logSoftmax(logits), labels))}. DJL's own version picks through an index
 * expression that costs several native calls per batch; a gather on the labels is one, which
 * matters when a step is as small as the MLP lab's (batch 10).
 */
public final class CrossEntropy extends Loss {
    public CrossEntropy() {
        super("SoftmaxCrossEntropyLoss");
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
        return logits.logSoftmax(1).gather(classes, 1).mean().neg();
    }
}
