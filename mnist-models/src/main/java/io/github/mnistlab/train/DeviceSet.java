package io.github.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Samples on the device: digits, or digit pairs. A training epoch takes its batches from
 * {@link #batches}, in a seeded order; evaluation reads the whole set in its natural order through
 * {@link #arrange}.
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

    /**
     * The set in {@code order} (int64, a permutation of 0..count−1), cut into batches of
     * {@code batchSize} samples, the last one possibly shorter. Only the small per-sample tensors
     * (indices, labels) are arranged and split up front, in {@code manager}; each batch's images are
     * gathered when the batch is taken, so they are still in cache when the first layer reads them
     * (arranging all images first writes and reads back the whole set once more per epoch).
     */
    Batches batches(NDManager manager, NDArray order, int batchSize);

    /** An epoch's batches, taken one at a time. */
    interface Batches {
        /** Number of batches. */
        int count();

        /**
         * Batch {@code index}: the model inputs, then the int64 labels. The arrays are new or views;
         * the caller attaches them to a manager of its own and closes them after the step.
         */
        NDList take(int index);
    }
}
