package io.github.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Samples on the device that batches are gathered from by index: digits, or digit pairs.
 * Implementations keep their tensors whole; a batch is a gather of index rows into the batch's manager.
 */
public interface DeviceSet {
    /** Number of samples. */
    int count();

    /** The model inputs of the samples at {@code indices} (int64, 1-D), created in {@code manager}. */
    NDList inputs(NDManager manager, NDArray indices);

    /** The int64 class labels of the samples at {@code indices}, created in {@code manager}. */
    NDArray labels(NDManager manager, NDArray indices);
}
