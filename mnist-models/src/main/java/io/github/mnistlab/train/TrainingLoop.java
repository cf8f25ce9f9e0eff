package io.github.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.github.mnistlab.data.DataSplits;
import java.util.Arrays;

/**
 * The training and evaluation passes over a {@link DeviceSet}.
 *
 * <p>Each epoch arranges the device-resident set in a seeded permutation with one gather; each batch
 * is then a slice (a view) of that arrangement, owned by a per-batch sub-manager that is closed after
 * the optimizer step, so native memory stays flat.
 * Correct counts are summed on the device and read once per pass.
 */
public final class TrainingLoop {
    private TrainingLoop() {
    }

    /** Receives the mean loss of each training iteration (batch). */
    @FunctionalInterface
    public interface IterationListener {
        void onIteration(long iteration, float loss);
    }

    /**
     * One epoch of mini-batch training.
     *
     * @param trainer   an initialized DJL trainer whose loss is a softmax cross-entropy
     * @param data      the training samples
     * @param batchSize samples per step; a last partial batch is used too
     * @param seed      seeds this epoch's shuffle (use a different one per epoch)
     * @param firstIteration number of iterations before this epoch (for the listener)
     * @param listener  told every iteration's loss, or null
     * @throws DivergedException when a batch loss is NaN or infinite
     */
    public static EpochStats trainEpoch(Trainer trainer, DeviceSet data, int batchSize, long seed,
            long firstIteration, IterationListener listener) {
        long start = System.nanoTime();
        int n = data.count();
        double lossSum = 0;
        try (NDManager epochManager = trainer.getManager().newSubManager()) {
            // One gather per epoch puts the set in this epoch's order; each batch is then a slice of it.
            NDList arranged = data.arrange(epochManager, epochManager.create(permutation(n, seed)));
            NDArray correct = epochManager.zeros(new Shape(), DataType.INT64);
            Loss lossFn = trainer.getLoss();
            long iteration = firstIteration;
            for (int from = 0; from < n; from += batchSize) {
                int to = Math.min(n, from + batchSize);
                try (NDManager batch = epochManager.newSubManager()) {
                    NDList slice = slice(arranged, from, to, batch);
                    NDList labels = new NDList(slice.get(slice.size() - 1));
                    NDList inputs = new NDList(slice.subList(0, slice.size() - 1));
                    NDArray loss;
                    NDArray logits;
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDList out = trainer.forward(inputs, labels);
                        logits = out.singletonOrThrow();
                        loss = lossFn.evaluate(labels, out);
                        collector.backward(loss);
                    }
                    float batchLoss = loss.getFloat();
                    iteration++;
                    if (!Float.isFinite(batchLoss)) {
                        throw new DivergedException(iteration, batchLoss);
                    }
                    trainer.step();
                    lossSum += (double) batchLoss * (to - from);
                    correct.addi(logits.argMax(1).eq(labels.head()).sum().toType(DataType.INT64, false));
                    if (listener != null) {
                        listener.onIteration(iteration, batchLoss);
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new EpochStats(lossSum / n, correct.getLong() / (double) n, n, seconds);
        }
    }

    /** Rows {@code from} to {@code to} of every tensor of {@code arranged}, as views owned by {@code manager}. */
    private static NDList slice(NDList arranged, int from, int to, NDManager manager) {
        NDIndex rows = new NDIndex().addSliceDim(from, to);
        NDList out = new NDList(arranged.size());
        for (NDArray array : arranged) {
            out.add(array.get(rows));
        }
        out.attach(manager);
        return out;
    }

    /** Loss and accuracy on {@code data}, in batches of {@code batchSize}, without gradients. */
    public static EpochStats evaluate(Trainer trainer, DeviceSet data, int batchSize) {
        Predictions p = predict(trainer, data, batchSize);
        return new EpochStats(p.loss(), p.accuracy(), p.samples(), 0);
    }

    /** The model's predictions on all of {@code data}, in batches of {@code batchSize}, without gradients. */
    public static Predictions predict(Trainer trainer, DeviceSet data, int batchSize) {
        int n = data.count();
        Loss lossFn = trainer.getLoss();
        int[] predicted = new int[n];
        float[] confidence = new float[n];
        int[] actual = new int[n];
        double lossSum = 0;
        int correct = 0;
        try (NDManager evalManager = trainer.getManager().newSubManager()) {
            NDList arranged = data.arrange(evalManager, null);
            for (int from = 0; from < n; from += batchSize) {
                int to = Math.min(n, from + batchSize);
                try (NDManager batch = evalManager.newSubManager()) {
                    NDList slice = slice(arranged, from, to, batch);
                    NDArray y = slice.get(slice.size() - 1);
                    NDList out = trainer.evaluate(new NDList(slice.subList(0, slice.size() - 1)));
                    NDArray logits = out.singletonOrThrow();
                    lossSum += lossFn.evaluate(new NDList(y), out).getFloat() * (to - from);
                    NDArray probs = logits.softmax(1);
                    long[] p = probs.argMax(1).toLongArray();
                    float[] c = probs.max(new int[] {1}).toFloatArray();
                    long[] a = y.toLongArray();
                    for (int i = 0; i < p.length; i++) {
                        predicted[from + i] = (int) p[i];
                        confidence[from + i] = c[i];
                        actual[from + i] = (int) a[i];
                        if (p[i] == a[i]) {
                            correct++;
                        }
                    }
                }
            }
        }
        return new Predictions(lossSum / n, correct / (double) n, predicted, confidence, actual);
    }

    /** The seeded permutation of {@link DataSplits#permutation}, as int64 indices for a tensor. */
    static long[] permutation(int n, long seed) {
        return Arrays.stream(DataSplits.permutation(n, seed)).asLongStream().toArray();
    }
}
