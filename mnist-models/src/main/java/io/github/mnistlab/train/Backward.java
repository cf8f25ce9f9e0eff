package io.github.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

/**
 * Back-propagation from a scalar loss (every DJL {@code Loss} returns one; libtorch names the shapes
 * if a loss does not). DJL's {@link GradientCollector#backward} first asks the fresh
 * loss for its shape, type and device and creates a tensor of ones to start from: four native calls
 * before the one that matters. On the PyTorch engine this hands libtorch the loss and a scalar one
 * made once per epoch; on any other engine it is the collector's own backward.
 */
final class Backward {
    private final PtNDArray one;

    private Backward(PtNDArray one) {
        this.one = one;
    }

    /** A backward for the scalar losses of one epoch; {@code manager} owns its seed gradient. */
    static Backward of(NDManager manager) {
        NDArray one = manager.ones(new Shape());
        return new Backward(one instanceof PtNDArray pt ? pt : null);
    }

    void run(GradientCollector collector, NDArray loss) {
        if (one != null && loss instanceof PtNDArray pt) {
            JniUtils.backward(pt, one, false, false);
        } else {
            collector.backward(loss);
        }
    }
}
