package io.github.mnistlab.model;

/**
 * One stage of a CNN's feature extractor: a square convolution, its activation, then an optional
 * square max-pooling with stride equal to its size.
 *
 * @param channels output channels (filters), ≥ 1
 * @param kernel   kernel side, ≥ 1
 * @param padding  zero padding on each side, ≥ 0
 * @param pool     pooling window side; 0 or 1 means no pooling
 */
public record ConvStage(int channels, int kernel, int padding, int pool) {
    /** A stage without padding followed by 2×2 max-pooling, the LeNet pattern. */
    public static ConvStage of(int channels, int kernel) {
        return new ConvStage(channels, kernel, 0, 2);
    }

    /** The side of the feature map this stage outputs for an input of side {@code in}. */
    public int outputSide(int in) {
        int conv = in + 2 * padding - kernel + 1;
        return pool > 1 ? conv / pool : conv;
    }

    /** The form used in configuration: {@code channels:kernel[:padding[:pool]]}. */
    @Override
    public String toString() {
        return channels + ":" + kernel + ":" + padding + ":" + pool;
    }
}
