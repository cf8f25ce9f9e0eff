package io.github.mnistlab.scratch;

import io.github.mnistlab.train.EpochStats;
import io.github.mnistlab.train.IterationListener;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A fully connected network written out by hand, the JVM twin of the course lab's numpy network:
 * sigmoid hidden layers, a softmax output trained on cross-entropy plus an L2 penalty
 * {@code (weightDecay / 2) · Σ W²} on the weights (not the biases), and plain mini-batch SGD, in
 * float arithmetic. Each weight matrix is kept row-major {@code [out][in]}, one contiguous
 * {@code float[]} per output neuron, and the forward and backward passes work on buffers allocated
 * once per batch size, so a training step allocates nothing. Given the same seeds and inputs every
 * result is bit-for-bit reproducible on a given JVM, and a sample's outputs do not depend on which
 * batch or block it is computed in.
 *
 * <p>An instance is mutable and <em>not</em> thread-safe, not even for concurrent
 * {@link #evaluate}/{@link #predictProbabilities} calls, which share scratch buffers: give each
 * thread its own {@link #copy()}.
 *
 * <p>{@link #save} writes a small big-endian binary file: the int magic {@code 0x534D4C50}
 * ("SMLP"), the int format version {@code 1}, the int number of layer sizes {@code n}, the {@code n}
 * int sizes, then for each of the {@code n − 1} layers in order its weights ({@code out × in}
 * floats, row-major {@code [out][in]}) followed by its biases ({@code out} floats), all IEEE-754
 * single precision; nothing follows.
 */
public final class ScratchMlp {
    /** The saved file's magic number, "SMLP". */
    static final int MAGIC = 0x534D4C50;
    /** The saved file's format version. */
    static final int FORMAT_VERSION = 1;
    /** Samples per block in {@link #evaluate} and {@link #predictProbabilities}. */
    static final int EVAL_BLOCK = 64;
    /** The most layer sizes a saved file may declare (guards against reading garbage as sizes). */
    private static final int MAX_SAVED_SIZES = 1024;
    private static final int HEADER_BYTES = 3 * Integer.BYTES;

    private final int[] sizes;
    private final int layers;
    /** weights[l][j]: the sizes[l] input weights of neuron j of layer l + 1. */
    private final float[][][] weights;
    /** biases[l]: the sizes[l + 1] biases of layer l + 1. */
    private final float[][] biases;

    /** Buffers of the last training batch size, kept between epochs. */
    private Workspace trainSpace;
    /** Buffers for evaluation and prediction blocks. */
    private Workspace evalSpace;
    /** Batch sums (not yet means) of dLoss/dW and dLoss/db, shaped like the parameters. */
    private float[][][] gradWeights;
    private float[][] gradBiases;

    /**
     * A new network with Glorot-uniform weights and zero biases.
     *
     * <p>The weights are drawn from one {@code new SplittableRandom(seed)}, layer after layer, each
     * matrix in row-major order, each value {@code (float) random.nextDouble(-limit, limit)} with
     * {@code limit = sqrt(6 / (fanIn + fanOut))}.
     *
     * @param sizes the layer widths, {@code {inputs, hidden1, [hidden2, ...], classes}}, e.g.
     *              {@code {784, 30, 10}}; at least 3 entries, each at least 1
     * @param seed  seeds the weight initialization
     * @throws IllegalArgumentException naming the bad value when {@code sizes} is invalid
     */
    public ScratchMlp(int[] sizes, long seed) {
        this.sizes = checkSizes(sizes);
        this.layers = this.sizes.length - 1;
        this.weights = new float[layers][][];
        this.biases = new float[layers][];
        SplittableRandom random = new SplittableRandom(seed);
        for (int l = 0; l < layers; l++) {
            int in = this.sizes[l];
            int out = this.sizes[l + 1];
            double limit = Math.sqrt(6.0 / ((double) in + out));
            float[][] w = new float[out][in];
            for (float[] row : w) {
                for (int k = 0; k < in; k++) {
                    row[k] = (float) random.nextDouble(-limit, limit);
                }
            }
            weights[l] = w;
            biases[l] = new float[out];
        }
    }

    /** Takes ownership of already checked arrays. */
    private ScratchMlp(int[] sizes, float[][][] weights, float[][] biases) {
        this.sizes = sizes;
        this.layers = sizes.length - 1;
        this.weights = weights;
        this.biases = biases;
    }

    private static int[] checkSizes(int[] sizes) {
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

    /** The layer widths, inputs first, classes last (a copy). */
    public int[] sizes() {
        return sizes.clone();
    }

    /** The number of weights and biases. */
    public long parameterCount() {
        return parameterCount(sizes);
    }

    private static long parameterCount(int[] sizes) {
        long count = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            count += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        return count;
    }

    private int inputs() {
        return sizes[0];
    }

    private int classes() {
        return sizes[layers];
    }

    // ------------------------------------------------------------------------------------------
    // Training and evaluation
    // ------------------------------------------------------------------------------------------

    /**
     * One epoch of mini-batch SGD.
     *
     * <p>The samples are visited in the order of a Fisher–Yates permutation of {@code 0..count-1}
     * drawn from {@code new SplittableRandom(shuffleSeed)} (for {@code i} from {@code count − 1} down
     * to 1, swap entries {@code i} and {@code nextInt(i + 1)}; the DJL training loop's permutation),
     * cut into batches of {@code batchSize}; a last partial batch is used too. For a batch of
     * {@code m} samples every weight matrix becomes
     * {@code W − learningRate · (mean over the batch of dLoss/dW + weightDecay · W)} and every bias
     * vector {@code b − learningRate · mean dLoss/db}, Loss being the softmax cross-entropy.
     *
     * @param images       {@code count × inputs} floats, row-major, already normalized
     * @param labels       {@code count} labels in {@code 0..classes-1}
     * @param count        how many samples to use, at least 1
     * @param batchSize    samples per step, at least 1
     * @param learningRate the SGD step size, finite and positive
     * @param weightDecay  the L2 coefficient on the weights, finite and not negative
     * @param shuffleSeed  seeds this epoch's sample order (use a different one per epoch)
     * @param listener     told each batch's mean loss, or null
     * @return the mean loss (without the L2 term) and the accuracy of the batches as they were before
     *         their updates, the sample count and the epoch's wall-clock time
     * @throws IllegalArgumentException naming the bad argument or the bad label
     */
    public EpochStats trainEpoch(float[] images, byte[] labels, int count, int batchSize, float learningRate,
            float weightDecay, long shuffleSeed, IterationListener listener) {
        long start = System.nanoTime();
        checkData(images, labels, count);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize is " + batchSize + " but must be at least 1");
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate is " + learningRate + " but must be finite and positive");
        }
        if (!(weightDecay >= 0) || Float.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay is " + weightDecay
                    + " but must be finite and not negative");
        }
        int[] order = permutation(count, shuffleSeed);
        Workspace ws = trainSpace(Math.min(batchSize, count));
        ensureGradients();
        double lossSum = 0;
        long correct = 0;
        long iteration = 0;
        for (int from = 0; from < count; from += batchSize) {
            int m = Math.min(batchSize, count - from);
            gather(ws, images, order, from, m);
            forward(ws, m);
            double batchLoss = lossAndOutputDelta(ws, labels, order, from, m);
            lossSum += batchLoss;
            correct += ws.correct;
            backward(ws, m);
            update(m, learningRate, weightDecay);
            if (listener != null) {
                listener.onIteration(++iteration, (float) (batchLoss / m));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EpochStats(lossSum / count, correct / (double) count, count, seconds, 0, 0);
    }

    /**
     * The mean loss and accuracy of the network on a set, without training, in blocks of
     * {@value #EVAL_BLOCK} samples (no allocation per sample).
     *
     * @param images {@code count × inputs} floats, row-major, normalized like the training images
     * @param labels {@code count} labels in {@code 0..classes-1}
     * @param count  how many samples to use, at least 1
     * @return the mean cross-entropy loss per sample (without the L2 term), the accuracy, the sample
     *         count and the wall-clock time
     * @throws IllegalArgumentException naming the bad argument or the bad label
     */
    public EpochStats evaluate(float[] images, byte[] labels, int count) {
        long start = System.nanoTime();
        checkData(images, labels, count);
        Workspace ws = evalSpace();
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < count; from += EVAL_BLOCK) {
            int m = Math.min(EVAL_BLOCK, count - from);
            gather(ws, images, null, from, m);
            forward(ws, m);
            lossSum += lossAndOutputDelta(ws, labels, null, from, m);
            correct += ws.correct;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EpochStats(lossSum / count, correct / (double) count, count, seconds, 0, 0);
    }

    /**
     * The softmax probabilities of each sample.
     *
     * @param images {@code count × inputs} floats, row-major
     * @param count  how many samples, at least 0
     * @return {@code count × classes} floats, row-major, each row summing to about 1
     */
    public float[] predictProbabilities(float[] images, int count) {
        checkImages(images, count);
        int classes = classes();
        float[] result = new float[Math.multiplyExact(count, classes)];
        Workspace ws = evalSpace();
        float[][] out = ws.act[layers];
        for (int from = 0; from < count; from += EVAL_BLOCK) {
            int m = Math.min(EVAL_BLOCK, count - from);
            gather(ws, images, null, from, m);
            forward(ws, m);
            for (int i = 0; i < m; i++) {
                softmax(out[i], classes);
                System.arraycopy(out[i], 0, result, (from + i) * classes, classes);
            }
        }
        return result;
    }

    /** A deep copy of the parameters, with its own scratch buffers. */
    public ScratchMlp copy() {
        float[][][] w = new float[layers][][];
        float[][] b = new float[layers][];
        for (int l = 0; l < layers; l++) {
            w[l] = new float[weights[l].length][];
            for (int j = 0; j < w[l].length; j++) {
                w[l][j] = weights[l][j].clone();
            }
            b[l] = biases[l].clone();
        }
        return new ScratchMlp(sizes.clone(), w, b);
    }

    // ------------------------------------------------------------------------------------------
    // Saving and loading
    // ------------------------------------------------------------------------------------------

    /**
     * Writes all weights and biases to {@code file} in the format described in the class comment,
     * replacing the file if it exists.
     *
     * @param file where to write
     * @throws IOException when the file cannot be written
     */
    public void save(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeInt(sizes.length);
            for (int size : sizes) {
                out.writeInt(size);
            }
            for (int l = 0; l < layers; l++) {
                for (float[] row : weights[l]) {
                    for (float v : row) {
                        out.writeFloat(v);
                    }
                }
                for (float v : biases[l]) {
                    out.writeFloat(v);
                }
            }
        }
    }

    /**
     * Reads a network written by {@link #save}. The header (magic, version, sizes) and the file's
     * exact length are checked before any parameter is read.
     *
     * @param file a file written by {@link #save}
     * @return the network it holds
     * @throws IOException when the file cannot be read, or, with a message that starts with the file
     *                     and names the problem, when it is not a well-formed scratch MLP file
     */
    public static ScratchMlp load(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
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
        if (n < 3 || n > MAX_SAVED_SIZES) {
            throw corrupt(file, "declares " + n + " layer sizes; a network has between 3 and " + MAX_SAVED_SIZES);
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
            checkSizes(sizes);
        } catch (IllegalArgumentException e) {
            throw corrupt(file, "has invalid layer sizes: " + e.getMessage());
        }
        long params = parameterCount(sizes);
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

    // ------------------------------------------------------------------------------------------
    // Hooks for tests (package-private)
    // ------------------------------------------------------------------------------------------

    /** The live weights, {@code [layer][out][in]}. */
    float[][][] weightsView() {
        return weights;
    }

    /** The live biases, {@code [layer][out]}. */
    float[][] biasesView() {
        return biases;
    }

    /**
     * The objective that SGD descends, for the first {@code count} samples as one batch: the mean
     * cross-entropy plus {@code (weightDecay / 2) · Σ W²}, accumulated in double.
     */
    double objective(float[] images, byte[] labels, int count, float weightDecay) {
        double squares = 0;
        for (float[][] w : weights) {
            for (float[] row : w) {
                for (float v : row) {
                    squares += (double) v * v;
                }
            }
        }
        return evaluate(images, labels, count).loss() + weightDecay / 2.0 * squares;
    }

    /** Gradients shaped like the parameters. */
    record Gradients(float[][][] weights, float[][] biases) {
    }

    /**
     * The analytic gradient of {@link #objective} for the first {@code count} samples as one batch,
     * computed by the training code's passes, without updating: mean dLoss/dW + weightDecay · W for
     * the weights, mean dLoss/db for the biases.
     */
    Gradients gradients(float[] images, byte[] labels, int count, float weightDecay) {
        checkData(images, labels, count);
        Workspace ws = new Workspace(count);
        ensureGradients();
        gather(ws, images, null, 0, count);
        forward(ws, count);
        lossAndOutputDelta(ws, labels, null, 0, count);
        backward(ws, count);
        float inv = 1f / count;
        float[][][] gw = new float[layers][][];
        float[][] gb = new float[layers][];
        for (int l = 0; l < layers; l++) {
            gw[l] = new float[sizes[l + 1]][sizes[l]];
            for (int j = 0; j < gw[l].length; j++) {
                for (int k = 0; k < gw[l][j].length; k++) {
                    gw[l][j][k] = gradWeights[l][j][k] * inv + weightDecay * weights[l][j][k];
                }
            }
            gb[l] = new float[sizes[l + 1]];
            for (int j = 0; j < gb[l].length; j++) {
                gb[l][j] = gradBiases[l][j] * inv;
            }
        }
        return new Gradients(gw, gb);
    }

    // ------------------------------------------------------------------------------------------
    // Argument checks and buffers
    // ------------------------------------------------------------------------------------------

    private void checkImages(float[] images, int count) {
        if (images == null) {
            throw new IllegalArgumentException("images must not be null");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count is " + count + " but must not be negative");
        }
        long needed = (long) count * inputs();
        if (images.length < needed) {
            throw new IllegalArgumentException("images has " + images.length + " floats but " + count
                    + " samples of " + inputs() + " need " + needed);
        }
    }

    private void checkData(float[] images, byte[] labels, int count) {
        checkImages(images, count);
        if (count < 1) {
            throw new IllegalArgumentException("count is " + count + " but must be at least 1");
        }
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        if (labels.length < count) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries but count is " + count);
        }
        int classes = classes();
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("labels[" + i + "] is " + labels[i] + " but must be in 0.."
                        + (classes - 1));
            }
        }
    }

    private Workspace trainSpace(int capacity) {
        if (trainSpace == null || trainSpace.capacity != capacity) {
            trainSpace = new Workspace(capacity);
        }
        return trainSpace;
    }

    private Workspace evalSpace() {
        if (evalSpace == null) {
            evalSpace = new Workspace(EVAL_BLOCK);
        }
        return evalSpace;
    }

    private void ensureGradients() {
        if (gradWeights == null) {
            gradWeights = new float[layers][][];
            gradBiases = new float[layers][];
            for (int l = 0; l < layers; l++) {
                gradWeights[l] = new float[sizes[l + 1]][sizes[l]];
                gradBiases[l] = new float[sizes[l + 1]];
            }
        }
    }

    /**
     * The per-sample rows of one batch: its gathered inputs, each layer's activations and deltas.
     * Every row is its own array, so the inner loops index all their arrays alike, which lets the
     * JIT vectorize them.
     */
    private final class Workspace {
        final int capacity;
        /**
         * act[0][i]: sample i's input; act[l][i], l = 1..layers: its layer-l outputs (sigmoid for the
         * hidden layers, logits then probabilities for the last).
         */
        final float[][][] act;
        /** delta[l][i], l = 1..layers: dLoss_i/dz of layer l for sample i. */
        final float[][][] delta;
        /** Correct predictions in the last call of lossAndOutputDelta. */
        long correct;

        Workspace(int capacity) {
            this.capacity = capacity;
            act = new float[layers + 1][][];
            delta = new float[layers + 1][][];
            act[0] = new float[capacity][sizes[0]];
            for (int l = 1; l <= layers; l++) {
                act[l] = new float[capacity][sizes[l]];
                delta[l] = new float[capacity][sizes[l]];
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // The passes
    // ------------------------------------------------------------------------------------------

    /** Copies samples {@code order[from + i]} (or {@code from + i} when order is null) into act[0]. */
    private void gather(Workspace ws, float[] images, int[] order, int from, int m) {
        int nIn = inputs();
        float[][] x = ws.act[0];
        for (int i = 0; i < m; i++) {
            int sample = order == null ? from + i : order[from + i];
            System.arraycopy(images, sample * nIn, x[i], 0, nIn);
        }
    }

    /** Fills act[1..layers] for the first m samples of act[0]; the output layer is left as logits. */
    private void forward(Workspace ws, int m) {
        for (int l = 1; l <= layers; l++) {
            float[][] out = ws.act[l];
            affine(ws.act[l - 1], m, weights[l - 1], biases[l - 1], sizes[l - 1], sizes[l], out);
            if (l < layers) {
                for (int i = 0; i < m; i++) {
                    sigmoid(out[i], sizes[l]);
                }
            }
        }
    }

    /**
     * For the m samples whose labels are {@code labels[order[from + i]]} (or {@code labels[from + i]}
     * when order is null): counts correct predictions into ws.correct, turns the logits into softmax
     * probabilities in place, writes dLoss/dz = p − onehot into delta[layers], and returns the summed
     * cross-entropy, in double.
     */
    private double lossAndOutputDelta(Workspace ws, byte[] labels, int[] order, int from, int m) {
        int classes = classes();
        double loss = 0;
        long correct = 0;
        for (int i = 0; i < m; i++) {
            float[] z = ws.act[layers][i];
            float[] d = ws.delta[layers][i];
            int label = labels[order == null ? from + i : order[from + i]];
            int best = 0;
            float max = z[0];
            for (int j = 1; j < classes; j++) {
                if (z[j] > max) {
                    max = z[j];
                    best = j;
                }
            }
            if (best == label) {
                correct++;
            }
            float zLabel = z[label];
            double sum = softmax(z, classes);
            // −log p_label = log Σ exp(z − max) − (z_label − max)
            loss += Math.log(sum) - ((double) zLabel - max);
            System.arraycopy(z, 0, d, 0, classes);
            d[label] -= 1f;
        }
        ws.correct = correct;
        return loss;
    }

    /** Replaces v[0..n) by its softmax, stably; returns Σ exp(v − max v) of the original values. */
    private static double softmax(float[] v, int n) {
        float max = v[0];
        for (int j = 1; j < n; j++) {
            max = Math.max(max, v[j]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            float e = (float) Math.exp(v[j] - max);
            v[j] = e;
            sum += e;
        }
        float inv = (float) (1.0 / sum);
        for (int j = 0; j < n; j++) {
            v[j] *= inv;
        }
        return sum;
    }

    private static void sigmoid(float[] v, int n) {
        for (int k = 0; k < n; k++) {
            v[k] = (float) (1.0 / (1.0 + Math.exp(-v[k])));
        }
    }

    /**
     * Fills gradWeights/gradBiases with the batch sums of dLoss/dW and dLoss/db from delta[layers],
     * propagating the deltas down through the hidden layers with the weights before any update.
     */
    private void backward(Workspace ws, int m) {
        for (int l = layers; l >= 1; l--) {
            int nIn = sizes[l - 1];
            int nOut = sizes[l];
            float[][] d = ws.delta[l];
            weightGradient(d, ws.act[l - 1], m, nIn, nOut, gradWeights[l - 1]);
            biasGradient(d, m, nOut, gradBiases[l - 1]);
            if (l > 1) {
                hiddenDelta(d, weights[l - 1], ws.act[l - 1], m, nIn, nOut, ws.delta[l - 1]);
            }
        }
    }

    /** W −= lr · (g / m + weightDecay · W); b −= lr · g_b / m. */
    private void update(int m, float learningRate, float weightDecay) {
        float inv = 1f / m;
        for (int l = 0; l < layers; l++) {
            int nIn = sizes[l];
            float[][] w = weights[l];
            float[][] g = gradWeights[l];
            for (int j = 0; j < w.length; j++) {
                float[] wj = w[j];
                float[] gj = g[j];
                for (int k = 0; k < nIn; k++) {
                    wj[k] -= learningRate * (gj[k] * inv + weightDecay * wj[k]);
                }
            }
            float[] b = biases[l];
            float[] gb = gradBiases[l];
            for (int j = 0; j < b.length; j++) {
                b[j] -= learningRate * (gb[j] * inv);
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Kernels
    // ------------------------------------------------------------------------------------------

    /**
     * {@code z[i][j] = (Σ_k w[j][k] · x[i][k]) + b[j]} for i < m, j < nOut: dot products over
     * contiguous rows. Every sum is accumulated in k order whatever the blocking, so a sample's
     * result does not depend on its batch or position. The blocks (4 samples × 2 neurons, 2 × 4,
     * 1 × 4) keep 8 or 4 independent sums in registers and use every loaded value several times.
     */
    static void affine(float[][] x, int m, float[][] w, float[] b, int nIn, int nOut, float[][] z) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            float[] x0 = x[i];
            float[] x1 = x[i + 1];
            float[] x2 = x[i + 2];
            float[] x3 = x[i + 3];
            float[] z0 = z[i];
            float[] z1 = z[i + 1];
            float[] z2 = z[i + 2];
            float[] z3 = z[i + 3];
            int j = 0;
            for (; j + 2 <= nOut; j += 2) {
                float[] wa = w[j];
                float[] wb = w[j + 1];
                float s00 = 0;
                float s01 = 0;
                float s02 = 0;
                float s03 = 0;
                float s10 = 0;
                float s11 = 0;
                float s12 = 0;
                float s13 = 0;
                for (int k = 0; k < nIn; k++) {
                    float a = wa[k];
                    float c = wb[k];
                    float v0 = x0[k];
                    float v1 = x1[k];
                    float v2 = x2[k];
                    float v3 = x3[k];
                    s00 += a * v0;
                    s01 += a * v1;
                    s02 += a * v2;
                    s03 += a * v3;
                    s10 += c * v0;
                    s11 += c * v1;
                    s12 += c * v2;
                    s13 += c * v3;
                }
                z0[j] = s00 + b[j];
                z1[j] = s01 + b[j];
                z2[j] = s02 + b[j];
                z3[j] = s03 + b[j];
                z0[j + 1] = s10 + b[j + 1];
                z1[j + 1] = s11 + b[j + 1];
                z2[j + 1] = s12 + b[j + 1];
                z3[j + 1] = s13 + b[j + 1];
            }
            for (; j < nOut; j++) {
                float[] wa = w[j];
                float s0 = 0;
                float s1 = 0;
                float s2 = 0;
                float s3 = 0;
                for (int k = 0; k < nIn; k++) {
                    float a = wa[k];
                    s0 += a * x0[k];
                    s1 += a * x1[k];
                    s2 += a * x2[k];
                    s3 += a * x3[k];
                }
                z0[j] = s0 + b[j];
                z1[j] = s1 + b[j];
                z2[j] = s2 + b[j];
                z3[j] = s3 + b[j];
            }
        }
        for (; i + 2 <= m; i += 2) {
            float[] x0 = x[i];
            float[] x1 = x[i + 1];
            float[] z0 = z[i];
            float[] z1 = z[i + 1];
            int j = 0;
            for (; j + 4 <= nOut; j += 4) {
                float[] wa = w[j];
                float[] wb = w[j + 1];
                float[] wc = w[j + 2];
                float[] wd = w[j + 3];
                float s00 = 0;
                float s01 = 0;
                float s10 = 0;
                float s11 = 0;
                float s20 = 0;
                float s21 = 0;
                float s30 = 0;
                float s31 = 0;
                for (int k = 0; k < nIn; k++) {
                    float v0 = x0[k];
                    float v1 = x1[k];
                    float a0 = wa[k];
                    float a1 = wb[k];
                    float a2 = wc[k];
                    float a3 = wd[k];
                    s00 += a0 * v0;
                    s01 += a0 * v1;
                    s10 += a1 * v0;
                    s11 += a1 * v1;
                    s20 += a2 * v0;
                    s21 += a2 * v1;
                    s30 += a3 * v0;
                    s31 += a3 * v1;
                }
                z0[j] = s00 + b[j];
                z1[j] = s01 + b[j];
                z0[j + 1] = s10 + b[j + 1];
                z1[j + 1] = s11 + b[j + 1];
                z0[j + 2] = s20 + b[j + 2];
                z1[j + 2] = s21 + b[j + 2];
                z0[j + 3] = s30 + b[j + 3];
                z1[j + 3] = s31 + b[j + 3];
            }
            for (; j < nOut; j++) {
                float[] wa = w[j];
                float s0 = 0;
                float s1 = 0;
                for (int k = 0; k < nIn; k++) {
                    float a = wa[k];
                    s0 += a * x0[k];
                    s1 += a * x1[k];
                }
                z0[j] = s0 + b[j];
                z1[j] = s1 + b[j];
            }
        }
        for (; i < m; i++) {
            float[] x0 = x[i];
            float[] z0 = z[i];
            int j = 0;
            for (; j + 4 <= nOut; j += 4) {
                float[] wa = w[j];
                float[] wb = w[j + 1];
                float[] wc = w[j + 2];
                float[] wd = w[j + 3];
                float s0 = 0;
                float s1 = 0;
                float s2 = 0;
                float s3 = 0;
                for (int k = 0; k < nIn; k++) {
                    float v = x0[k];
                    s0 += wa[k] * v;
                    s1 += wb[k] * v;
                    s2 += wc[k] * v;
                    s3 += wd[k] * v;
                }
                z0[j] = s0 + b[j];
                z0[j + 1] = s1 + b[j + 1];
                z0[j + 2] = s2 + b[j + 2];
                z0[j + 3] = s3 + b[j + 3];
            }
            for (; j < nOut; j++) {
                float[] wa = w[j];
                float s = 0;
                for (int k = 0; k < nIn; k++) {
                    s += wa[k] * x0[k];
                }
                z0[j] = s + b[j];
            }
        }
    }

    /**
     * {@code g[j][k] = Σ_i d[i][j] · x[i][k]}: the batch's outer products accumulated row by row of
     * g, with contiguous (vectorizable) multiply-adds over the input rows, two samples at a time.
     */
    static void weightGradient(float[][] d, float[][] x, int m, int nIn, int nOut, float[][] g) {
        for (int j = 0; j < nOut; j++) {
            float[] gj = g[j];
            float d0 = d[0][j];
            float[] x0 = x[0];
            for (int k = 0; k < nIn; k++) {
                gj[k] = d0 * x0[k];
            }
            int i = 1;
            for (; i + 2 <= m; i += 2) {
                float da = d[i][j];
                float db = d[i + 1][j];
                float[] xa = x[i];
                float[] xb = x[i + 1];
                for (int k = 0; k < nIn; k++) {
                    gj[k] += da * xa[k] + db * xb[k];
                }
            }
            if (i < m) {
                float da = d[i][j];
                float[] xa = x[i];
                for (int k = 0; k < nIn; k++) {
                    gj[k] += da * xa[k];
                }
            }
        }
    }

    /** {@code gb[j] = Σ_i d[i][j]}. */
    static void biasGradient(float[][] d, int m, int nOut, float[] gb) {
        System.arraycopy(d[0], 0, gb, 0, nOut);
        for (int i = 1; i < m; i++) {
            float[] di = d[i];
            for (int j = 0; j < nOut; j++) {
                gb[j] += di[j];
            }
        }
    }

    /**
     * The deltas of the hidden layer below: {@code dPrev[i][k] = (Σ_j w[j][k] · d[i][j]) · a(1 − a)}
     * with {@code a = act[i][k]}, the sigmoid's derivative; built from the rows of w with contiguous
     * multiply-adds, two rows at a time.
     */
    static void hiddenDelta(float[][] d, float[][] w, float[][] act, int m, int nIn, int nOut, float[][] dPrev) {
        for (int i = 0; i < m; i++) {
            float[] p = dPrev[i];
            float[] di = d[i];
            float d0 = di[0];
            float[] w0 = w[0];
            for (int k = 0; k < nIn; k++) {
                p[k] = d0 * w0[k];
            }
            int j = 1;
            for (; j + 2 <= nOut; j += 2) {
                float da = di[j];
                float db = di[j + 1];
                float[] wa = w[j];
                float[] wb = w[j + 1];
                for (int k = 0; k < nIn; k++) {
                    p[k] += da * wa[k] + db * wb[k];
                }
            }
            if (j < nOut) {
                float da = di[j];
                float[] wa = w[j];
                for (int k = 0; k < nIn; k++) {
                    p[k] += da * wa[k];
                }
            }
            float[] a = act[i];
            for (int k = 0; k < nIn; k++) {
                p[k] *= a[k] * (1f - a[k]);
            }
        }
    }

    /** A seeded Fisher–Yates permutation of 0..n−1, the same order the DJL training loop uses. */
    static int[] permutation(int n, long seed) {
        return io.github.mnistlab.data.DataSplits.permutation(n, seed);
    }
}
