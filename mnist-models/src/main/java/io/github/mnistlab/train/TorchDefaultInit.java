package io.github.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * Re-initializes a block's parameters the way PyTorch initializes {@code nn.Linear} and
 * {@code nn.Conv2d} by default, which is what the labs trained with: weights uniform in
 * ±1/√fanIn (Kaiming-uniform with a = √5) and biases uniform in ±1/√fanIn of their layer.
 *
 * <p>DJL's default (Xavier weights, zero biases) starts the later layers 2–3× larger, which leaves
 * the labs' small SGD runs a few tenths of a percent short of the accuracy they report.
 */
public final class TorchDefaultInit {
    private TorchDefaultInit() {
    }

    /**
     * Overwrites, in place, every weight and bias of {@code block} (which must be initialized),
     * drawing from the engine's seeded generator.
     */
    public static void apply(Block block, NDManager manager) {
        long fanIn = 0;
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter p = pair.getValue();
            NDArray array = p.getArray();
            if (p.getType() == Parameter.Type.WEIGHT) {
                fanIn = array.getShape().size() / array.getShape().get(0);
            } else if (p.getType() != Parameter.Type.BIAS || fanIn == 0) {
                continue; // not a layer weight or bias (e.g. a batch-norm statistic): keep DJL's value
            }
            float bound = (float) (1 / Math.sqrt(fanIn));
            try (NDManager scratch = manager.newSubManager()) {
                NDArray fresh = scratch.randomUniform(-bound, bound, array.getShape(), array.getDataType());
                array.muli(0).addi(fresh);
            }
        }
    }
}
