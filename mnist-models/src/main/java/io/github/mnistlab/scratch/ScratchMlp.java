package io.github.mnistlab.scratch;

import io.github.mnistlab.train.EpochStats;
import io.github.mnistlab.train.IterationListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>{@link #save} and {@link #load} use the file format of {@code ScratchMlpFile}; the unrolled
 * inner loops are in {@code ScratchKernels}.
 */
public final class ScratchMlp {
    /** Samples per block in {@link #evaluate} and {@link #predictProbabilities}. */
    static final int EVAL_BLOCK = 64;

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
        this.sizes = ScratchArguments.checkSizes(sizes);
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
    ScratchMlp(int[] sizes, float[][][] weights, float[][] biases) {
        this.sizes = sizes;
        this.layers = sizes.length - 1;
        this.weights = weights;
        this.biases = biases;
    }

    /** The layer widths, inputs first, classes last (a copy). */
    public int[] sizes() {
        return sizes.clone();
    }

    /** The number of weights and biases. */
    public long parameterCount() {
        return parameterCount(sizes);
    }

    static long parameterCount(int[] sizes) {
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
        ScratchArguments.checkData(images, labels, count, inputs(), classes());
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
        ScratchArguments.checkData(images, labels, count, inputs(), classes());
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
        ScratchArguments.checkImages(images, count, inputs());
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


    /** All weights and biases in the {@code ScratchMlpFile} format. */
    public byte[] toBytes() {
        return ScratchMlpFile.encode(sizes, weights, biases);
    }

    /** Writes {@link #toBytes()} to {@code file}, replacing it if it exists. */
    public void save(Path file) throws IOException {
        Files.write(file, toBytes());
    }

    /**
     * Reads a network written by {@link #save}; the header and the exact length are checked first.
     *
     * @throws IOException when the file cannot be read, or, with a message that starts with the file
     *                     and names the problem, when it is not a well-formed scratch MLP file
     */
    public static ScratchMlp load(Path file) throws IOException {
        return ScratchMlpFile.decode(file, Files.readAllBytes(file));
    }

    /** The live weights (for tests), {@code [layer][out][in]}. */
    float[][][] weightsView() {
        return weights;
    }

    /** The live biases (for tests), {@code [layer][out]}. */
    float[][] biasesView() {
        return biases;
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
        ScratchArguments.checkData(images, labels, count, inputs(), classes());
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
            ScratchKernels.affine(ws.act[l - 1], m, weights[l - 1], biases[l - 1], sizes[l - 1], sizes[l], out);
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
            ScratchKernels.weightGradient(d, ws.act[l - 1], m, nIn, nOut, gradWeights[l - 1]);
            ScratchKernels.biasGradient(d, m, nOut, gradBiases[l - 1]);
            if (l > 1) {
                ScratchKernels.hiddenDelta(d, weights[l - 1], ws.act[l - 1], m, nIn, nOut, ws.delta[l - 1]);
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

    /** A seeded Fisher–Yates permutation of 0..n−1, the same order the DJL training loop uses. */
    static int[] permutation(int n, long seed) {
        return io.github.mnistlab.data.DataSplits.permutation(n, seed);
    }
}
