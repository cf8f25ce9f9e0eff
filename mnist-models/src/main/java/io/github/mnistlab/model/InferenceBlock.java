package io.github.mnistlab.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Runs its one child in inference mode even while the network around it trains: the frozen digit
 * classifier of a transfer adder, whose dropout must stay off and whose batch normalization must use
 * (and not update) the statistics it was trained with.
 */
final class InferenceBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Block inner;

    InferenceBlock(Block inner) {
        super(VERSION);
        this.inner = addChildBlock("inference", inner);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return inner.forward(store, inputs, false, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inner.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        inner.initialize(manager, dataType, inputShapes);
    }
}
