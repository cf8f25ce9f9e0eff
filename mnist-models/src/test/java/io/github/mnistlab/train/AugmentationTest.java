package io.github.mnistlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.mnistlab.data.DigitImages;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    private static final float BLANK = -1;

    /** Two images, value 1 at (row, column) and {@link #BLANK} elsewhere. */
    private static NDArray dots(NDManager manager, int[][] at) {
        float[] pixels = new float[at.length * 784];
        java.util.Arrays.fill(pixels, BLANK);
        for (int i = 0; i < at.length; i++) {
            pixels[i * 784 + at[i][0] * 28 + at[i][1]] = 1;
        }
        return manager.create(pixels, new Shape(at.length, 1, 28, 28));
    }

    /** Where the value 1 is in each image, as (row, column); (−1, −1) when nowhere. */
    private static int[][] found(NDArray images) {
        float[] v = images.toFloatArray();
        int n = (int) images.getShape().get(0);
        int[][] at = new int[n][];
        for (int i = 0; i < n; i++) {
            at[i] = new int[] {-1, -1};
            for (int p = 0; p < 784; p++) {
                if (v[i * 784 + p] == 1) {
                    at[i] = new int[] {p / 28, p % 28};
                }
            }
        }
        return at;
    }

    @Test
    void shiftsMoveTheContentRightAndDownAndTurnsTurnItAboutTheCentre() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray images = dots(manager, new int[][] {{10, 10}, {10, 10}, {5, 13}, {0, 0}});
            NDArray angles = manager.create(new float[] {0, 0, (float) (Math.PI / 2), 0}, new Shape(4, 1));
            NDArray shifts = manager.create(new float[] {2, 0, -1, 3, 0, 0, -1, 0}, new Shape(4, 2));
            NDArray out = Augmentation.transform(images, angles, shifts, BLANK);

            assertEquals(new Shape(4, 1, 28, 28), out.getShape());
            int[][] at = found(out);
            assertArrayEquals(new int[] {10, 12}, at[0]); // 2 right
            assertArrayEquals(new int[] {13, 9}, at[1]);  // 1 left, 3 down
            // a quarter turn about (13.5, 13.5): the content turns by −90° in image coordinates,
            // (x, y) = (13, 5) → (5, 14)
            assertArrayEquals(new int[] {14, 5}, at[2]);
            assertArrayEquals(new int[] {-1, -1}, at[3]); // moved out of the image: blank
            assertEquals(784 * 4 - 3, (int) out.eq(BLANK).sum().getLong());
        }
    }

    @Test
    void augmentedBatchesKeepShapesAndLabelsAndChangePixels() {
        Engine.getEngine("PyTorch").setRandomSeed(5);
        byte[] pixels = new byte[64 * 784];
        byte[] labels = new byte[64];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 64; i++) {
            labels[i] = (byte) (i % 10);
            for (int r = 8; r < 20; r++) {         // a 12×12 bright square of random values in the middle
                for (int c = 8; c < 20; c++) {
                    pixels[i * 784 + r * 28 + c] = (byte) (128 + random.nextInt(128));
                }
            }
        }
        Augmentation augmentation = new Augmentation(2, 10, 0);
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
                DeviceDigits digits = DeviceDigits.upload(manager, new DigitImages(pixels, labels), 0, 1)) {
            NDArray order = manager.create(java.util.stream.LongStream.range(0, 64).toArray());
            NDList plain = digits.batches(manager, order, 32).take(1);
            NDList augmented = augmentation.over(digits).batches(manager, order, 32).take(1);

            assertEquals(2, augmented.size());
            assertEquals(new Shape(32, 1, 28, 28), augmented.get(0).getShape());
            assertArrayEquals(plain.get(1).toLongArray(), augmented.get(1).toLongArray());
            float[] before = plain.get(0).toFloatArray();
            float[] after = augmented.get(0).toFloatArray();
            int changedImages = 0;
            for (int i = 0; i < 32; i++) {
                int changed = 0;
                double sumBefore = 0;
                double sumAfter = 0;
                for (int p = i * 784; p < (i + 1) * 784; p++) {
                    changed += before[p] != after[p] ? 1 : 0;
                    sumBefore += before[p];
                    sumAfter += after[p];
                }
                changedImages += changed > 0 ? 1 : 0;
                // the square stays in the picture: at most a few edge pixels are lost or gained
                assertEquals(sumBefore, sumAfter, sumBefore * 0.25, "image " + i);
            }
            assertTrue(changedImages >= 28, changedImages + " of 32 images changed");
            // evaluation sees the images as they are
            assertArrayEquals(digits.arrange(manager, null).get(0).toFloatArray(),
                    augmentation.over(digits).arrange(manager, null).get(0).toFloatArray());
        }
    }

    @Test
    void anAugmentationThatChangesNothingIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Augmentation(0, 0, 0));
        assertTrue(e.getMessage().contains("not both 0"), e.getMessage());
    }
}
