package io.github.mnistlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The digit adder's shape: one {@code perDigit} block applied to both images of a pair with the
 * same weights, its two outputs concatenated, then the {@code head}. Input: an {@link NDList} of the
 * two image batches, each (B, 1, 28, 28). Output: (B, 19) logits of the sum.
 */
public final class PairBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Block perDigit;
    private final Block head;

    public PairBlock(Block perDigit, Block head) {
        super(VERSION);
        this.perDigit = addChildBlock("perDigit", perDigit);
        this.head = addChildBlock("head", head);
    }

    /** The block shared by both images (the digit CNN, or the feature extractor). */
    public Block perDigit() {
        return perDigit;
    }

    public Block head() {
        return head;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray a = perDigit.forward(store, new NDList(inputs.get(0)), training, params).singletonOrThrow();
        NDArray b = perDigit.forward(store, new NDList(inputs.get(1)), training, params).singletonOrThrow();
        return head.forward(store, new NDList(NDArrays.concat(new NDList(a, b), 1)), training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape one = perDigit.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        Shape joined = new Shape(one.get(0), one.get(1) * 2);
        return head.getOutputShapes(new Shape[] {joined});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        perDigit.initialize(manager, dataType, inputShapes[0]);
        Shape one = perDigit.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        head.initialize(manager, dataType, new Shape(one.get(0), one.get(1) * 2));
    }
}
