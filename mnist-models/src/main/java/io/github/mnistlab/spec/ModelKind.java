package io.github.mnistlab.spec;

import com.google.gson.annotations.SerializedName;

/** Which network an experiment trains. */
public enum ModelKind {
    /** Feed-forward net on DJL. */
    @SerializedName("mlp") MLP,
    /** The same feed-forward net on the framework-free engine. */
    @SerializedName("mlp-scratch") MLP_SCRATCH,
    /** Convolutional digit classifier. */
    @SerializedName("cnn") CNN,
    /** Digit adder reusing a trained digit classifier. */
    @SerializedName("adder-transfer") ADDER_TRANSFER,
    /** Digit adder with its own feature extractor, trained from scratch. */
    @SerializedName("adder-scratch") ADDER_SCRATCH;

    /** Whether the model classifies digit pairs by their sum. */
    public boolean isAdder() {
        return this == ADDER_TRANSFER || this == ADDER_SCRATCH;
    }
}
