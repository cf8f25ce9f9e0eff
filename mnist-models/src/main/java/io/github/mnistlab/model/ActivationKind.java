package io.github.mnistlab.model;

import ai.djl.nn.Activation;
import com.google.gson.annotations.SerializedName;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The activation functions the labs use, by the names a POM or spec file gives them. */
public enum ActivationKind {
    @SerializedName("relu") RELU,
    @SerializedName("sigmoid") SIGMOID,
    @SerializedName("tanh") TANH,
    /** No activation: the identity (e.g. a transfer adder head of two plain linear layers). */
    @SerializedName("none") NONE;

    /** A fresh block applying this activation. */
    public Block block() {
        return switch (this) {
            case RELU -> Activation.reluBlock();
            case SIGMOID -> Activation.sigmoidBlock();
            case TANH -> Activation.tanhBlock();
            case NONE -> new LambdaBlock(x -> x, "identity");
        };
    }

    /** Lower-case name, as written in configuration. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code relu|sigmoid|tanh}, case-insensitively; the message lists the accepted names. */
    public static ActivationKind parse(String name) {
        for (ActivationKind k : values()) {
            if (k.name().equalsIgnoreCase(name.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("activation '" + name + "' is not known; use one of "
                + Arrays.stream(values()).map(ActivationKind::id).collect(Collectors.joining(", ")));
    }
}
