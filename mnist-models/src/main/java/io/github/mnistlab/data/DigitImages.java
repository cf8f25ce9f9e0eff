package io.github.mnistlab.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A set of 28×28 grey-scale digits with their labels, held as compact bytes: {@code pixels} has
 * {@code count × 784} values 0..255 in row-major order, {@code labels} has {@code count} values 0..9.
 *
 * <p>The arrays are owned by this object; callers must not modify them.
 */
public record DigitImages(byte[] pixels, byte[] labels) {
    /** Pixels per side of an MNIST digit. */
    public static final int SIDE = 28;
    /** Pixels per MNIST digit. */
    public static final int PIXELS = SIDE * SIDE;

    public DigitImages {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (pixels.length != labels.length * PIXELS) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " bytes, but "
                    + labels.length + " labels need " + (long) labels.length * PIXELS);
        }
    }

    /** Number of digits. */
    public int count() {
        return labels.length;
    }

    /** The label (0..9) of digit {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** The digits {@code from} (inclusive) to {@code to} (exclusive), copied. */
    public DigitImages slice(int from, int to) {
        Objects.checkFromToIndex(from, to, count());
        return new DigitImages(Arrays.copyOfRange(pixels, from * PIXELS, to * PIXELS),
                Arrays.copyOfRange(labels, from, to));
    }

    /** The digits at the given indices, in that order, copied. */
    public DigitImages select(int[] indices) {
        byte[] p = new byte[indices.length * PIXELS];
        byte[] l = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * PIXELS, p, i * PIXELS, PIXELS);
            l[i] = labels[indices[i]];
        }
        return new DigitImages(p, l);
    }

    /**
     * The pixels as floats {@code (x / 255 − mean) / std}, row-major: the model input of the host-side
     * engines (the scratch MLP, the predictor); {@code DeviceDigits} does the same on the device.
     */
    public static float[] normalize(byte[] pixels, float mean, float std) {
        float[] out = new float[pixels.length];
        float scale = 1f / (255f * std);
        float shift = mean / std;
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (pixels[i] & 0xff) * scale - shift;
        }
        return out;
    }

    /** How many digits of each class 0..9 this set holds. */
    public int[] classCounts() {
        int[] counts = new int[10];
        for (byte label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
