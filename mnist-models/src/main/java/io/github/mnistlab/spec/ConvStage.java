package io.github.mnistlab.spec;

import java.util.List;


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

    /**
     * The flattened feature count that {@code stages} produce from a square input of side
     * {@code inputSide}, after checking that each stage fits the map it meets. The CNN builder and the
     * spec's validation both use it, so a spec is checked without building a network.
     *
     * @throws IllegalArgumentException naming the first stage that does not fit, and how to fix it
     */
    public static int featureCount(List<ConvStage> stages, int inputSide) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a CNN needs at least one conv stage; add one with addStage");
        }
        int side = inputSide;
        for (int i = 0; i < stages.size(); i++) {
            ConvStage s = stages.get(i);
            if (s.channels() < 1 || s.kernel() < 1 || s.padding() < 0 || s.pool() < 0) {
                throw new IllegalArgumentException("conv stage " + (i + 1) + " (" + s
                        + ") needs channels ≥ 1, kernel ≥ 1, padding ≥ 0, pool ≥ 0");
            }
            int padded = side + 2 * s.padding();
            if (s.kernel() > padded) {
                throw new IllegalArgumentException("conv stage " + (i + 1) + " has a " + s.kernel() + "×"
                        + s.kernel() + " kernel but meets a " + padded + "×" + padded
                        + " feature map (after padding); use a smaller kernel, more padding or fewer stages");
            }
            int conv = padded - s.kernel() + 1;
            if (s.pool() > 1 && s.pool() > conv) {
                throw new IllegalArgumentException("conv stage " + (i + 1) + " pools " + s.pool() + "×" + s.pool()
                        + " over a " + conv + "×" + conv + " feature map; use a smaller pool or fewer stages");
            }
            side = s.outputSide(side);
        }
        return side * side * stages.get(stages.size() - 1).channels();
    }

    /** The form used in configuration: {@code channels:kernel[:padding[:pool]]}. */
    @Override
    public String toString() {
        return channels + ":" + kernel + ":" + padding + ":" + pool;
    }
}
