package io.github.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Samples on the device: digits, or digit pairs. The training loop asks for the whole set arranged
 * in an epoch's order once, then takes each batch as a contiguous slice of that arrangement, so a
 * batch costs no gather and no copy.
 */
public interface DeviceSet {
    /** Number of samples. */
    int count();

    /**
     * The whole set as tensors owned by {@code manager}: the model inputs first, the int64 class labels
     * last, with rows in {@code order} (int64, a permutation of 0..count−1), or in their natural order
     * when {@code order} is null (then without copying).
     */
    NDList arrange(NDManager manager, NDArray order);
}
