package io.github.mnistlab.scratch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Construction, argument checks, copies, and the saved file format. */
class ScratchMlpModelTest {
    private static final int[] SIZES = {784, 30, 10};

    @TempDir
    Path dir;

    @Test
    void glorotUniformWeightsFromTheSeedAndZeroBiases() {
        ScratchMlp net = new ScratchMlp(new int[] {784, 30, 20, 10}, 123);
        assertArrayEquals(new int[] {784, 30, 20, 10}, net.sizes());
        assertEquals(784 * 30 + 30 + 30 * 20 + 20 + 20 * 10 + 10, net.parameterCount());
        assertEquals(23860, new ScratchMlp(SIZES, 0).parameterCount());

        SplittableRandom random = new SplittableRandom(123);
        double limit0 = Math.sqrt(6.0 / (784 + 30));
        assertEquals((float) random.nextDouble(-limit0, limit0), net.weightsView()[0][0][0]);
        assertEquals((float) random.nextDouble(-limit0, limit0), net.weightsView()[0][0][1]);
        int[] sizes = net.sizes();
        for (int l = 0; l < sizes.length - 1; l++) {
            double limit = Math.sqrt(6.0 / (sizes[l] + sizes[l + 1]));
            double sum = 0;
            double sumSq = 0;
            int n = 0;
            for (float[] row : net.weightsView()[l]) {
                assertEquals(sizes[l], row.length);
                for (float v : row) {
                    assertTrue(Math.abs(v) <= limit, "weight " + v + " beyond " + limit);
                    sum += v;
                    sumSq += v * v;
                    n++;
                }
            }
            assertEquals(sizes[l + 1] * sizes[l], n);
            // Uniform on [-limit, limit]: mean 0, variance limit² / 3.
            assertEquals(0, sum / n, limit / 10);
            assertEquals(limit * limit / 3, sumSq / n, limit * limit / 10);
            for (float v : net.biasesView()[l]) {
                assertEquals(0f, v);
            }
        }
    }

    @Test
    void sizesAreChecked() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new ScratchMlp(new int[] {784, 0, 10}, 1));
        assertEquals("sizes[1] is 0 but every layer size must be at least 1: [784, 0, 10]", zero.getMessage());

        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new ScratchMlp(new int[] {784, 30, -3}, 1));
        assertTrue(negative.getMessage().startsWith("sizes[2] is -3"), negative.getMessage());

        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> new ScratchMlp(new int[] {784, 10}, 1));
        assertEquals("sizes must have at least 3 entries (inputs, at least one hidden layer, classes) but has 2:"
                + " [784, 10]", two.getMessage());

        assertThrows(IllegalArgumentException.class, () -> new ScratchMlp(new int[0], 1));
        assertThrows(IllegalArgumentException.class, () -> new ScratchMlp(null, 1));

        int[] sizes = {4, 3, 2};
        ScratchMlp net = new ScratchMlp(sizes, 1);
        sizes[1] = 99;
        net.sizes()[0] = 99;
        assertArrayEquals(new int[] {4, 3, 2}, net.sizes());
    }

    @Test
    void trainingArgumentsAreChecked() {
        ScratchData data = ScratchData.groups(20, 1);
        ScratchMlp net = new ScratchMlp(SIZES, 1);
        byte[] badLabels = data.labels.clone();
        badLabels[2] = 12;
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> net.trainEpoch(data.images, badLabels, 20, 10, 0.1f, 0f, 1, null));
        assertEquals("labels[2] is 12 but must be in 0..9", label.getMessage());
        badLabels[2] = -1;
        assertThrows(IllegalArgumentException.class, () -> net.evaluate(data.images, badLabels, 20));

        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> net.trainEpoch(data.images, data.labels, 20, 0, 0.1f, 0f, 1, null))
                .getMessage().startsWith("batchSize is 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> net.trainEpoch(data.images, data.labels, 20, 10, Float.NaN, 0f, 1, null))
                .getMessage().startsWith("learningRate is NaN"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> net.trainEpoch(data.images, data.labels, 20, 10, 0.1f, -1f, 1, null))
                .getMessage().startsWith("weightDecay is -1.0"));
        assertEquals("images has 15680 floats but 21 samples of 784 need 16464",
                assertThrows(IllegalArgumentException.class,
                        () -> net.trainEpoch(data.images, data.labels, 21, 10, 0.1f, 0f, 1, null)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> net.evaluate(data.images, data.labels, 0))
                .getMessage().startsWith("count is 0"));
        assertThrows(IllegalArgumentException.class, () -> net.predictProbabilities(data.images, -1));
    }

    @Test
    void copyIsDeep() {
        ScratchData data = ScratchData.groups(50, 2);
        ScratchMlp net = new ScratchMlp(SIZES, 3);
        ScratchMlp copy = net.copy();
        float[] before = copy.predictProbabilities(data.images, data.count);
        net.trainEpoch(data.images, data.labels, data.count, 10, 0.5f, 0f, 1, null);
        assertNotSame(net.weightsView()[0][0], copy.weightsView()[0][0]);
        assertArrayEquals(before, copy.predictProbabilities(data.images, data.count));
        assertTrue(!Arrays.equals(before, net.predictProbabilities(data.images, data.count)));
    }

    @Test
    void saveAndLoadRoundTrip() throws IOException {
        ScratchData data = ScratchData.groups(100, 3);
        ScratchMlp net = new ScratchMlp(new int[] {784, 30, 20, 10}, 4);
        net.trainEpoch(data.images, data.labels, data.count, 10, 0.1f, 1e-4f, 1, null);
        Path file = dir.resolve("net.smlp");
        net.save(file);

        assertEquals(3 * 4 + 4 * 4 + 4 * net.parameterCount(), Files.size(file));
        ScratchMlp loaded = ScratchMlp.load(file);
        assertArrayEquals(net.sizes(), loaded.sizes());
        assertEquals(net.parameterCount(), loaded.parameterCount());
        assertTrue(Arrays.deepEquals(net.weightsView(), loaded.weightsView()));
        assertTrue(Arrays.deepEquals(net.biasesView(), loaded.biasesView()));
        assertArrayEquals(net.predictProbabilities(data.images, data.count),
                loaded.predictProbabilities(data.images, data.count));

        // The documented layout: magic, version, n, sizes, then layer 0's first weight.
        byte[] bytes = Files.readAllBytes(file);
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
        assertEquals(0x534D4C50, buf.getInt());
        assertEquals(1, buf.getInt());
        assertEquals(4, buf.getInt());
        assertEquals(784, buf.getInt());
        assertEquals(30, buf.getInt());
        assertEquals(20, buf.getInt());
        assertEquals(10, buf.getInt());
        assertEquals(net.weightsView()[0][0][0], buf.getFloat());
        assertEquals(net.weightsView()[0][0][1], buf.getFloat());
        buf.position(bytes.length - 4);
        assertEquals(net.biasesView()[2][9], buf.getFloat());
    }

    @Test
    void damagedFilesAreRefusedWithTheFileNamed() throws IOException {
        ScratchMlp net = new ScratchMlp(new int[] {5, 4, 3}, 1);
        Path good = dir.resolve("good.smlp");
        net.save(good);
        byte[] bytes = Files.readAllBytes(good);

        Path cut = Files.write(dir.resolve("cut.smlp"), Arrays.copyOf(bytes, bytes.length - 3));
        assertEquals(cut + ": is truncated: its header declares sizes [5, 4, 3] (39 parameters, 180 bytes) but it"
                + " has 177 bytes", assertThrows(IOException.class, () -> ScratchMlp.load(cut)).getMessage());

        Path longer = Files.write(dir.resolve("long.smlp"), Arrays.copyOf(bytes, bytes.length + 4));
        assertTrue(assertThrows(IOException.class, () -> ScratchMlp.load(longer)).getMessage()
                .startsWith(longer + ": has trailing bytes"));

        Path empty = Files.write(dir.resolve("empty.smlp"), new byte[0]);
        assertEquals(empty + ": is 0 bytes long, shorter than the 12-byte header of a scratch MLP file",
                assertThrows(IOException.class, () -> ScratchMlp.load(empty)).getMessage());

        byte[] wrongMagic = bytes.clone();
        wrongMagic[0] = 0x7f;
        Path magic = Files.write(dir.resolve("magic.smlp"), wrongMagic);
        assertEquals(magic + ": is not a scratch MLP file: its magic number is 0x7F4D4C50, not 0x534D4C50",
                assertThrows(IOException.class, () -> ScratchMlp.load(magic)).getMessage());

        Path version = header(dir.resolve("version.smlp"), 2, 3, 5, 4, 3);
        assertTrue(assertThrows(IOException.class, () -> ScratchMlp.load(version)).getMessage()
                .startsWith(version + ": has format version 2"));

        Path zero = header(dir.resolve("zero.smlp"), 1, 3, 5, 0, 3);
        assertEquals(zero + ": has invalid layer sizes: sizes[1] is 0 but every layer size must be at least 1:"
                + " [5, 0, 3]", assertThrows(IOException.class, () -> ScratchMlp.load(zero)).getMessage());

        Path few = header(dir.resolve("few.smlp"), 1, 2, 5, 3);
        assertTrue(assertThrows(IOException.class, () -> ScratchMlp.load(few)).getMessage()
                .startsWith(few + ": declares 2 layer sizes"));

        Path huge = header(dir.resolve("huge.smlp"), 1, 3, 100_000, 100_000, 10);
        assertTrue(assertThrows(IOException.class, () -> ScratchMlp.load(huge)).getMessage()
                .startsWith(huge + ": is truncated"));

        Path inSizes = header(dir.resolve("insizes.smlp"), 1, 3, 5);
        assertTrue(assertThrows(IOException.class, () -> ScratchMlp.load(inSizes)).getMessage()
                .startsWith(inSizes + ": is truncated: it ends inside its list of 3 layer sizes"));
    }

    /** A file holding magic, the version and then the given ints. */
    private static Path header(Path file, int version, int... ints) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(0x534D4C50);
            out.writeInt(version);
            for (int v : ints) {
                out.writeInt(v);
            }
        }
        return file;
    }
}
