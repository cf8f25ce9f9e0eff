package io.github.mnistlab.spec;

import com.google.gson.annotations.SerializedName;
import java.util.Locale;

/** The optimizers the labs use. */
public enum OptimizerKind {
    /** Stochastic gradient descent, with optional momentum. */
    @SerializedName("sgd") SGD,
    @SerializedName("adam") ADAM,
    /** Adam with decoupled weight decay. */
    @SerializedName("adamw") ADAMW;

    /** Parses {@code sgd|adam|adamw}, case-insensitively. */
    public static OptimizerKind parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("optimizer '" + name + "' is not known; use one of sgd, adam, adamw", e);
        }
    }
}
