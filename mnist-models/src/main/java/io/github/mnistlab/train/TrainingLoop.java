package io.github.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.util.SplittableRandom;

/**
 * The training and evaluation passes over {@link DeviceDigits}.
 *
 * <p>Each batch is an index slice of a seeded permutation, gathered from the device-resident tensors
 * into a per-batch sub-manager that is closed after the optimizer step, so native memory stays flat.
 * Loss and correct counts are summed on the device and read once per pass.
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
     * @param data      the training digits
     * @param batchSize samples per step; a last partial batch is used too
     * @param seed      seeds this epoch's shuffle (use a different one per epoch)
     * @param listener  told every iteration's loss, or null
     */
    public static EpochStats trainEpoch(Trainer trainer, DeviceDigits data, int batchSize, long seed,
            IterationListener listener) {
        long start = System.nanoTime();
        int n = data.count();
        NDManager root = trainer.getManager();
        try (NDManager epochManager = root.newSubManager()) {
            NDArray order = epochManager.create(permutation(n, seed));
            NDArray lossSum = epochManager.zeros(new ai.djl.ndarray.types.Shape(), DataType.FLOAT32);
            NDArray correct = epochManager.zeros(new ai.djl.ndarray.types.Shape(), DataType.INT64);
            Loss lossFn = trainer.getLoss();
            long iteration = 0;
            for (int from = 0; from < n; from += batchSize) {
                int to = Math.min(n, from + batchSize);
                try (NDManager batch = epochManager.newSubManager()) {
                    NDArray idx = order.get(batch, new NDIndex().addSliceDim(from, to));
                    NDArray x = data.images().get(batch, new NDIndex("{}", idx));
                    NDArray y = data.labels().get(batch, new NDIndex("{}", idx));
                    NDList labels = new NDList(y);
                    NDArray loss;
                    NDArray logits;
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDList out = trainer.forward(new NDList(x), labels);
                        logits = out.singletonOrThrow();
                        loss = lossFn.evaluate(labels, out);
                        collector.backward(loss);
                    }
                    trainer.step();
                    float batchLoss = loss.getFloat();
                    lossSum.addi(batchLoss * (to - from));
                    correct.addi(logits.argMax(1).eq(y).sum().toType(DataType.INT64, false));
                    if (listener != null) {
                        listener.onIteration(++iteration, batchLoss);
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new EpochStats(lossSum.getFloat() / n, correct.getLong() / (double) n, n, seconds);
        }
    }

    /** Loss and accuracy of the model on {@code data}, in batches of {@code batchSize}, without gradients. */
    public static EpochStats evaluate(Trainer trainer, DeviceDigits data, int batchSize) {
        long start = System.nanoTime();
        int n = data.count();
        Loss lossFn = trainer.getLoss();
        try (NDManager evalManager = trainer.getManager().newSubManager()) {
            NDArray lossSum = evalManager.zeros(new ai.djl.ndarray.types.Shape(), DataType.FLOAT32);
            NDArray correct = evalManager.zeros(new ai.djl.ndarray.types.Shape(), DataType.INT64);
            for (int from = 0; from < n; from += batchSize) {
                int to = Math.min(n, from + batchSize);
                try (NDManager batch = evalManager.newSubManager()) {
                    NDIndex slice = new NDIndex().addSliceDim(from, to);
                    NDArray x = data.images().get(batch, slice);
                    NDArray y = data.labels().get(batch, slice);
                    NDList out = trainer.evaluate(new NDList(x));
                    NDArray logits = out.singletonOrThrow();
                    lossSum.addi(lossFn.evaluate(new NDList(y), out).mul(to - from));
                    correct.addi(logits.argMax(1).eq(y).sum().toType(DataType.INT64, false));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new EpochStats(lossSum.getFloat() / n, correct.getLong() / (double) n, n, seconds);
        }
    }

    /** A seeded Fisher–Yates permutation of 0..n−1. */
    static long[] permutation(int n, long seed) {
        long[] p = new long[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            long t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
