package io.github.mnistlab.maven;

import com.google.gson.JsonObject;

/**
 * One conv stage of an {@code <experiment>}'s {@code <stages>}: a square convolution, its activation,
 * then max-pooling.
 *
 * <pre>{@code
 * <stage><channels>10</channels><kernel>5</kernel></stage>
 * <stage><channels>4</channels><kernel>3</kernel><padding>1</padding><pool>2</pool></stage>
 * }</pre>
 *
 * @since 0.1.0
 */
public class Stage {
    /** Output channels (filters), ≥ 1. Required. */
    private Integer channels;
    /** Kernel side, ≥ 1. Required. */
    private Integer kernel;
    /** Zero padding on each side; default 0. */
    private int padding;
    /** Pooling window side (stride equal to it); 0 or 1 means none; default 2. */
    private int pool = 2;

    public void setChannels(Integer channels) {
        this.channels = channels;
    }

    public void setKernel(Integer kernel) {
        this.kernel = kernel;
    }

    public void setPadding(int padding) {
        this.padding = padding;
    }

    public void setPool(int pool) {
        this.pool = pool;
    }

    /** The stage in the library's spec-file form; a missing channel or kernel count is an error naming {@code where}. */
    JsonObject toJson(String where) {
        if (channels == null || kernel == null) {
            throw new IllegalArgumentException(where + ": a <stage> needs <channels> and <kernel>, e.g."
                    + " <stage><channels>10</channels><kernel>5</kernel></stage>");
        }
        JsonObject stage = new JsonObject();
        stage.addProperty("channels", channels);
        stage.addProperty("kernel", kernel);
        stage.addProperty("padding", padding);
        stage.addProperty("pool", pool);
        return stage;
    }
}
