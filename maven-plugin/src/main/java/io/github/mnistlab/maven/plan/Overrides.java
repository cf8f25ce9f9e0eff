package io.github.mnistlab.maven.plan;

import com.google.gson.JsonObject;

/**
 * Values that replace every experiment's own ({@code lab.epochs}, {@code lab.limit}): the quick
 * mode of a CI job or a first try. Null means "keep each experiment's value".
 *
 * @param epochs passes over the training set, ≥ 1
 * @param limit  train on this many digits only, ≥ 0 (0 = all)
 */
public record Overrides(Integer epochs, Integer limit) {
    /** No override. */
    public static final Overrides NONE = new Overrides(null, null);

    public Overrides {
        if (epochs != null && epochs < 1) {
            throw new IllegalArgumentException("lab.epochs is " + epochs + ", expected ≥ 1 (or leave it unset to keep"
                    + " each experiment's epochs)");
        }
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("lab.limit is " + limit + ", expected 0 (all training digits) or a"
                    + " positive count, e.g. 10000");
        }
    }

    /** Writes the overridden values into spec-file fields. */
    void applyTo(JsonObject fields) {
        if (epochs != null) {
            fields.addProperty("epochs", epochs);
        }
        if (limit != null) {
            fields.addProperty("limit", limit);
        }
    }
}
