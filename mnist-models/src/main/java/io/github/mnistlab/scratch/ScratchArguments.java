package io.github.mnistlab.scratch;

import java.util.Arrays;

/** The scratch MLP's argument checks: each names the bad value and what was expected. */
final class ScratchArguments {
    private ScratchArguments() {
    }

    static int[] checkSizes(int[] sizes) {
        if (sizes == null) {
            throw new IllegalArgumentException("sizes must not be null");
        }
        if (sizes.length < 3) {
            throw new IllegalArgumentException("sizes must have at least 3 entries (inputs, at least one hidden"
                    + " layer, classes) but has " + sizes.length + ": " + Arrays.toString(sizes));
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1) {
                throw new IllegalArgumentException("sizes[" + i + "] is " + sizes[i]
                        + " but every layer size must be at least 1: " + Arrays.toString(sizes));
            }
        }
        return sizes.clone();
    }

    static void checkImages(float[] images, int count, int inputs) {
        if (images == null) {
            throw new IllegalArgumentException("images must not be null");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count is " + count + " but must not be negative");
        }
        long needed = (long) count * inputs;
        if (images.length < needed) {
            throw new IllegalArgumentException("images has " + images.length + " floats but " + count
                    + " samples of " + inputs + " need " + needed);
        }
    }

    static void checkData(float[] images, byte[] labels, int count, int inputs, int classes) {
        checkImages(images, count, inputs);
        if (count < 1) {
            throw new IllegalArgumentException("count is " + count + " but must be at least 1");
        }
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        if (labels.length < count) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries but count is " + count);
        }
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("labels[" + i + "] is " + labels[i] + " but must be in 0.."
                        + (classes - 1));
            }
        }
    }
}
