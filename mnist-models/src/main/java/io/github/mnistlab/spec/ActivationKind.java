package io.github.mnistlab.spec;

import com.google.gson.annotations.SerializedName;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The activation functions the labs use, by the names a POM or spec file gives them: {@code relu},
 * {@code sigmoid}, {@code tanh} and {@code none} (the identity). The blocks that apply them are built by
 * {@code io.github.mnistlab.model.Activations}.
 */
public enum ActivationKind {
    @SerializedName("relu") RELU,
    @SerializedName("sigmoid") SIGMOID,
    @SerializedName("tanh") TANH,
    /** No activation: the identity (e.g. a transfer adder head of two plain linear layers). */
    @SerializedName("none") NONE;

    /** Lower-case name, as written in configuration. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code relu|sigmoid|tanh|none}, case-insensitively; the message lists the accepted names. */
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
