package io.github.mnistlab.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads and checks IDX files, the format of the MNIST distribution: a big-endian magic number
 * ({@code 0x00000803} images, {@code 0x00000801} labels), the item count, for images the row and
 * column counts, then one unsigned byte per value. Gzipped files are recognised by their content,
 * whatever their name.
 *
 * <p>Every problem is reported as a {@link CorruptMnistFileException} naming the file.
 */
public final class IdxReader {
    private static final int GZIP_MAGIC = 0x1f8b;

    private IdxReader() {
    }

    /** The file's bytes, gunzipped when the file is gzipped. */
    public static byte[] decode(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        if (raw.length >= 2 && ((raw[0] & 0xff) << 8 | (raw[1] & 0xff)) == GZIP_MAGIC) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw), 1 << 16)) {
                return in.readAllBytes();
            } catch (ZipException | java.io.EOFException e) {
                throw new CorruptMnistFileException(file,
                        "the gzip stream is damaged or cut short (" + e.getMessage() + ")");
            }
        }
        return raw;
    }

    /** Reads an images file and a labels file that must describe the same 28×28 digits. */
    public static DigitImages readDigits(Path images, Path labels) throws IOException {
        byte[] pixels = parseImages(images, decode(images));
        byte[] labelBytes = parseLabels(labels, decode(labels));
        int imageCount = pixels.length / DigitImages.PIXELS;
        if (imageCount != labelBytes.length) {
            throw new CorruptMnistFileException(labels, "holds " + labelBytes.length
                    + " labels but its images file " + images.getFileName() + " holds " + imageCount
                    + " images; the two files must come from the same set");
        }
        return new DigitImages(pixels, labelBytes);
    }

    /**
     * Checks an images file's header and length and returns its pixels (count × 784 bytes).
     *
     * @param file  where the bytes came from, for messages
     * @param bytes the decoded file
     */
    public static byte[] parseImages(Path file, byte[] bytes) {
        ByteBuffer buf = header(file, bytes, MnistFile.IdxKind.IMAGES, 16);
        int count = buf.getInt(4);
        int rows = buf.getInt(8);
        int cols = buf.getInt(12);
        if (rows != DigitImages.SIDE || cols != DigitImages.SIDE) {
            throw new CorruptMnistFileException(file, "holds " + rows + "×" + cols
                    + " images, expected 28×28 MNIST digits");
        }
        checkLength(file, bytes.length, 16, (long) count * rows * cols, count, "images");
        byte[] pixels = new byte[bytes.length - 16];
        System.arraycopy(bytes, 16, pixels, 0, pixels.length);
        return pixels;
    }

    /** Checks a labels file's header, length and values (0..9) and returns the labels. */
    public static byte[] parseLabels(Path file, byte[] bytes) {
        ByteBuffer buf = header(file, bytes, MnistFile.IdxKind.LABELS, 8);
        int count = buf.getInt(4);
        checkLength(file, bytes.length, 8, count, count, "labels");
        byte[] labels = new byte[count];
        System.arraycopy(bytes, 8, labels, 0, count);
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] > 9) {
                throw new CorruptMnistFileException(file, "label " + i + " is " + (labels[i] & 0xff)
                        + ", expected a digit 0..9");
            }
        }
        return labels;
    }

    private static ByteBuffer header(Path file, byte[] bytes, MnistFile.IdxKind kind, int headerSize) {
        ByteBuffer buf = ByteBuffer.wrap(bytes); // big-endian, as IDX is
        // The magic number first: a file of the wrong kind is named as such even when it is short.
        if (bytes.length >= 4 && buf.getInt(0) != kind.magic()) {
            throw new CorruptMnistFileException(file, String.format(
                    "magic number is 0x%08x, expected 0x%08x for an IDX %s file",
                    buf.getInt(0), kind.magic(), kind.name().toLowerCase(java.util.Locale.ROOT)));
        }
        if (bytes.length < headerSize) {
            throw new CorruptMnistFileException(file, "is " + bytes.length
                    + " bytes long, shorter than the " + headerSize + "-byte IDX header; it is truncated");
        }
        int count = buf.getInt(4);
        if (count < 0) {
            throw new CorruptMnistFileException(file, "declares a negative item count " + count);
        }
        return buf;
    }

    private static void checkLength(Path file, int actual, int headerSize, long payload, int count,
            String what) {
        long expected = headerSize + payload;
        if (actual < expected) {
            throw new CorruptMnistFileException(file, "is truncated: its header declares " + count
                    + " " + what + " (" + expected + " bytes) but it has " + actual + " bytes");
        }
        if (actual > expected) {
            throw new CorruptMnistFileException(file, "has " + (actual - expected)
                    + " bytes after the " + count + " " + what + " its header declares");
        }
    }
}
