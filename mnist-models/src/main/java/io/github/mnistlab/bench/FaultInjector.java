package io.github.mnistlab.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import io.github.mnistlab.model.Scalars;

/**
 * The stress benchmark's positive control: a pass-through block in front of the network whose one
 * parameter gets a NaN gradient (while the loss stays finite) on every {@code every}-th training forward
 * call — the shape of the engine's fault, on any machine. A harness that counts no events under it
 * would count none under the real fault either.
 */
final class FaultInjector extends AbstractBlock {
    private final int every;
    private final Parameter probe;
    private long calls;

    FaultInjector(int every) {
        this.every = every;
        this.probe = addParameter(Parameter.builder().setName("probe").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(1)).optInitializer(Initializer.ONES).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray p = store.getValue(probe, x.getDevice(), training);
        // sqrt(0 · p) is 0 going forward and ∞ · 0 = NaN coming back; otherwise 0 · p adds nothing
        boolean hit = training && ++calls % every == 0;
        NDArray zero = hit ? Scalars.times(p, 0).sqrt() : Scalars.times(p, 0);
        return new NDList(x.add(zero));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
    }
}
