package io.github.mnistlab.model;

import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.github.mnistlab.spec.ActivationKind;
import io.github.mnistlab.spec.ExperimentSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed-forward classifier for flattened digits: 784 inputs, k hidden layers (1 ≤ k ≤ 3) of the
 * given sizes, each followed by the activation (and optional dropout), then the output layer.
 *
 * <pre>{@code
 * Block net = Mlp.builder().setHidden(List.of(30)).optActivation(ActivationKind.SIGMOID).build();
 * }</pre>
 */
public final class Mlp {
    /** The most hidden layers the lab allows. */
    public static final int MAX_HIDDEN_LAYERS = ExperimentSpec.MAX_MLP_HIDDEN_LAYERS;

    private Mlp() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of an MLP. The hidden sizes are required. */
    public static final class Builder {
        private final List<Integer> hidden = new ArrayList<>();
        private ActivationKind activation = ActivationKind.SIGMOID;
        private float dropout;
        private int outputs = 10;

        private Builder() {
        }

        /** Sizes of the k hidden layers, 1 ≤ k ≤ 3, each ≥ 1. */
        public Builder setHidden(List<Integer> sizes) {
            hidden.clear();
            hidden.addAll(sizes);
            return this;
        }

        /** Activation of the hidden layers; default sigmoid, as in the lab. */
        public Builder optActivation(ActivationKind activation) {
            this.activation = activation;
            return this;
        }

        /** Dropout rate after each hidden layer; default 0. */
        public Builder optDropout(float rate) {
            this.dropout = rate;
            return this;
        }

        /** Number of classes; default 10. */
        public Builder optOutputs(int outputs) {
            this.outputs = outputs;
            return this;
        }

        public Block build() {
            if (hidden.isEmpty() || hidden.size() > MAX_HIDDEN_LAYERS) {
                throw new IllegalArgumentException("an MLP has k = " + hidden.size() + " hidden layers " + hidden
                        + ", expected 1 ≤ k ≤ " + MAX_HIDDEN_LAYERS);
            }
            for (int m : hidden) {
                if (m < 1) {
                    throw new IllegalArgumentException("hidden layer size " + m + " in " + hidden + " must be ≥ 1");
                }
            }
            ExperimentSpec.checkDropout("dropout", dropout);
            if (outputs < 1) {
                throw new IllegalArgumentException("outputs is " + outputs + ", expected ≥ 1");
            }
            SequentialBlock net = new SequentialBlock().add(Blocks.batchFlattenBlock());
            for (int m : hidden) {
                net.add(Linear.builder().setUnits(m).build()).add(Activations.block(activation));
                if (dropout > 0) {
                    net.add(new MaskDropout(dropout));
                }
            }
            return net.add(Linear.builder().setUnits(outputs).build());
        }
    }
}
