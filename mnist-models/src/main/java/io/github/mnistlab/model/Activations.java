package io.github.mnistlab.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import io.github.mnistlab.spec.ActivationKind;

/** The DJL block for each {@link ActivationKind} (the enum itself stays free of the engine). */
public final class Activations {
    private Activations() {
    }

    /** A fresh block applying {@code kind}. */
    public static Block block(ActivationKind kind) {
        return switch (kind) {
            case RELU -> Activation.reluBlock();
            case SIGMOID -> Activation.sigmoidBlock();
            case TANH -> Activation.tanhBlock();
            case NONE -> new LambdaBlock(x -> x, "identity");
        };
    }
}
