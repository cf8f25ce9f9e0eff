package io.github.mnistlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import io.github.mnistlab.data.DigitImages;
import io.github.mnistlab.data.DigitPairs;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** An epoch's batches hold exactly the samples of the arranged set, in order. */
class DeviceSetTest {
    private static final int COUNT = 23;

    /** Digit i: every pixel i, label i mod 10, so a row tells which digit it is. */
    private static DigitImages digits() {
        byte[] pixels = new byte[COUNT * 784];
        byte[] labels = new byte[COUNT];
        for (int i = 0; i < COUNT; i++) {
            Arrays.fill(pixels, i * 784, (i + 1) * 784, (byte) (i * 10));
            labels[i] = (byte) (i % 10);
        }
        return new DigitImages(pixels, labels);
    }

    /** Concatenates tensor {@code column} of every batch, as floats. */
    private static float[] column(DeviceSet.Batches batches, int column, NDManager manager, int[] sizes) {
        NDList parts = new NDList();
        for (int b = 0; b < batches.count(); b++) {
            NDList batch = batches.take(b);
            batch.attach(manager);
            sizes[b] = (int) batch.get(column).getShape().get(0);
            parts.add(batch.get(column).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).flatten());
        }
        return NDArrays.concat(parts).toFloatArray();
    }

    private static void assertSameAsArranged(DeviceSet set, NDManager manager, int columns) {
        NDArray order = manager.create(TrainingLoop.permutation(COUNT, 3));
        NDList arranged = set.arrange(manager, order);
        DeviceSet.Batches batches = set.batches(manager, order, 5);
        assertEquals(5, batches.count());
        for (int c = 0; c < columns; c++) {
            int[] sizes = new int[batches.count()];
            float[] got = column(batches, c, manager, sizes);
            assertArrayEquals(new int[] {5, 5, 5, 5, 3}, sizes, "batch sizes of column " + c);
            float[] expected = arranged.get(c).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).flatten().toFloatArray();
            assertArrayEquals(expected, got, "column " + c);
        }
        NDList first = batches.take(0);
        first.attach(manager);
        assertEquals(new ai.djl.ndarray.types.Shape(5, 1, 28, 28), first.get(0).getShape());
    }

    @Test
    void digitBatchesAreTheArrangedImagesAndLabels() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
                DeviceDigits set = DeviceDigits.upload(manager, digits(), 0f, 1f)) {
            assertSameAsArranged(set, manager, 2);
        }
    }

    @Test
    void pairBatchesAreTheArrangedImagePairsAndSums() {
        DigitImages digits = digits();
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
                DeviceDigits set = DeviceDigits.upload(manager, digits, 0f, 1f);
                DevicePairs pairs = new DevicePairs(set, DigitPairs.draw(digits, 17))) {
            assertSameAsArranged(pairs, manager, 3);
        }
    }
}
