package io.github.mnistlab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files in memory: generated ones for format tests, real ones from a loaded dataset. */
final class IdxFixtures {
    private IdxFixtures() {
    }

    /** An images file declaring {@code declared} images but carrying {@code pixels} as they are. */
    static byte[] images(int declared, int rows, int cols, byte[] pixels) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixels.length);
        b.putInt(0x803).putInt(declared).putInt(rows).putInt(cols).put(pixels);
        return b.array();
    }

    static byte[] images(byte[] pixels) {
        return images(pixels.length / 784, 28, 28, pixels);
    }

    static byte[] labels(int declared, byte[] labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(0x801).putInt(declared).put(labels);
        return b.array();
    }

    static byte[] labels(byte[] labels) {
        return labels(labels.length, labels);
    }

    /** {@code n} generated digits whose pixels encode their index, labels cycling 0..9. */
    static DigitImages digits(int n) {
        byte[] pixels = new byte[n * 784];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 10);
            for (int p = 0; p < 784; p++) {
                pixels[i * 784 + p] = (byte) ((i * 31 + p) & 0xff);
            }
        }
        return new DigitImages(pixels, labels);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The original four files, rebuilt byte for byte from a verified dataset. */
    static Map<MnistFile, byte[]> originalFiles(MnistDataset data) {
        return Map.of(
                MnistFile.TRAIN_IMAGES, images(data.train().pixels()),
                MnistFile.TRAIN_LABELS, labels(data.train().labels()),
                MnistFile.TEST_IMAGES, images(data.test().pixels()),
                MnistFile.TEST_LABELS, labels(data.test().labels()));
    }
}
