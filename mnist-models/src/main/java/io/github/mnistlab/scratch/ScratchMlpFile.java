package io.github.mnistlab.scratch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The scratch MLP's parameter file ({@code model.scratch} in a run directory): a small big-endian
 * binary file of the int magic {@code 0x534D4C50} ("SMLP"), the int format version {@code 1}, the int
 * number of layer sizes {@code n}, the {@code n} int sizes, then for each of the {@code n − 1} layers
 * in order its weights ({@code out × in} floats, row-major {@code [out][in]}) followed by its biases
 * ({@code out} floats), all IEEE-754 single precision; nothing follows.
 */
final class ScratchMlpFile {
    /** The magic number, "SMLP". */
    static final int MAGIC = 0x534D4C50;
    /** The format version. */
    static final int FORMAT_VERSION = 1;
    /** The most layer sizes a file may declare (guards against reading garbage as sizes). */
    private static final int MAX_SIZES = 1024;
    private static final int HEADER_BYTES = 3 * Integer.BYTES;

    private ScratchMlpFile() {
    }

    /** The file's bytes for a network of these sizes and parameters. */
    static byte[] encode(int[] sizes, float[][][] weights, float[][] biases) {
        long bytes = HEADER_BYTES + (long) sizes.length * Integer.BYTES + ScratchMlp.parameterCount(sizes) * Float.BYTES;
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(bytes));
        buf.putInt(MAGIC).putInt(FORMAT_VERSION).putInt(sizes.length);
        for (int size : sizes) {
            buf.putInt(size);
        }
        FloatBuffer floats = buf.asFloatBuffer();
        for (int l = 0; l < weights.length; l++) {
            for (float[] row : weights[l]) {
                floats.put(row);
            }
            floats.put(biases[l]);
        }
        return buf.array();
    }

    /**
     * The network in {@code bytes}, read from {@code file}. The header (magic, version, sizes) and
     * the exact length are checked before any parameter is read.
     *
     * @throws IOException naming the file and the problem when the bytes are not a well-formed file
     */
    static ScratchMlp decode(Path file, byte[] bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        if (bytes.length < HEADER_BYTES) {
            throw corrupt(file, "is " + bytes.length + " bytes long, shorter than the " + HEADER_BYTES
                    + "-byte header of a scratch MLP file");
        }
        int magic = buf.getInt();
        if (magic != MAGIC) {
            throw corrupt(file, String.format("is not a scratch MLP file: its magic number is 0x%08X, not 0x%08X",
                    magic, MAGIC));
        }
        int version = buf.getInt();
        if (version != FORMAT_VERSION) {
            throw corrupt(file, "has format version " + version + "; only version " + FORMAT_VERSION
                    + " is supported");
        }
        int n = buf.getInt();
        if (n < 3 || n > MAX_SIZES) {
            throw corrupt(file, "declares " + n + " layer sizes; a network has between 3 and " + MAX_SIZES);
        }
        long sizesEnd = HEADER_BYTES + (long) n * Integer.BYTES;
        if (bytes.length < sizesEnd) {
            throw corrupt(file, "is truncated: it ends inside its list of " + n + " layer sizes (" + bytes.length
                    + " bytes)");
        }
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = buf.getInt();
        }
        try {
            ScratchArguments.checkSizes(sizes);
        } catch (IllegalArgumentException e) {
            throw corrupt(file, "has invalid layer sizes: " + e.getMessage());
        }
        long params = ScratchMlp.parameterCount(sizes);
        long expected = sizesEnd + params * Float.BYTES;
        if (bytes.length != expected) {
            throw corrupt(file, (bytes.length < expected ? "is truncated" : "has trailing bytes")
                    + ": its header declares sizes " + Arrays.toString(sizes) + " (" + params + " parameters, "
                    + expected + " bytes) but it has " + bytes.length + " bytes");
        }
        FloatBuffer floats = buf.asFloatBuffer();
        float[][][] w = new float[n - 1][][];
        float[][] b = new float[n - 1][];
        for (int l = 0; l + 1 < n; l++) {
            w[l] = new float[sizes[l + 1]][sizes[l]];
            for (float[] row : w[l]) {
                floats.get(row);
            }
            b[l] = new float[sizes[l + 1]];
            floats.get(b[l]);
        }
        return new ScratchMlp(sizes, w, b);
    }

    private static IOException corrupt(Path file, String problem) {
        return new IOException(file + ": " + problem);
    }
}
