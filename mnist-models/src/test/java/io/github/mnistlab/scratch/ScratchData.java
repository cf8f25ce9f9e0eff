package io.github.mnistlab.scratch;

import java.util.SplittableRandom;

/** Generated data sets for the scratch MLP tests. */
final class ScratchData {
    static final int PIXELS = 784;
    static final int GROUP = PIXELS / 10;

    final float[] images;
    final byte[] labels;
    final int count;

    private ScratchData(float[] images, byte[] labels, int count) {
        this.images = images;
        this.labels = labels;
        this.count = count;
    }

    /**
     * A learnable 10-class set: uniform noise in [0, 1) on every pixel, plus 1 on the 78 pixels of
     * the group {@code [78·label, 78·label + 78)}, so the label is the brightest pixel group.
     */
    static ScratchData groups(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] images = new float[count * PIXELS];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(10);
            labels[i] = (byte) label;
            for (int k = 0; k < PIXELS; k++) {
                images[i * PIXELS + k] = (float) random.nextDouble();
            }
            for (int k = label * GROUP; k < (label + 1) * GROUP; k++) {
                images[i * PIXELS + k] += 1f;
            }
        }
        return new ScratchData(images, labels, count);
    }

    /** {@code count} samples of {@code width} values in [-2, 2) with labels in {@code 0..classes-1}. */
    static ScratchData random(int count, int width, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] images = new float[count * width];
        byte[] labels = new byte[count];
        for (int k = 0; k < images.length; k++) {
            images[k] = (float) random.nextDouble(-2, 2);
        }
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) random.nextInt(classes);
        }
        return new ScratchData(images, labels, count);
    }
}
