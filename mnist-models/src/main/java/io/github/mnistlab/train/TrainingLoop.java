package io.github.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import io.github.mnistlab.data.DataSplits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training and evaluation passes over a {@link DeviceSet}.
 *
 * <p>Each epoch takes its batches from the device-resident set in a seeded permutation
 * ({@link DeviceSet#batches}: indices and labels split once, each batch's images gathered as it is
 * trained); a batch's arrays are owned by a per-batch sub-manager that is closed after the optimizer
 * step, so native memory stays flat. The optimizer
 * updates each parameter directly.
 * Correct counts are summed on the device and read once per pass.
 */
public final class TrainingLoop {
    /** At most this many batch losses wait on the device before they are read. */
    static final int LOSS_READ_BATCHES = 64;
    /** Pending batch losses are read at least this often (milliseconds), for live progress. */
    static final long LOSS_READ_MILLIS = 500;

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
     * <p>Per batch this issues only the native calls the step needs: the forward pass, the
     * loss, backward, one fused optimizer update per parameter and the on-device correct count. Batch
     * losses stay on the device and are read in groups (every {@value #LOSS_READ_BATCHES} batches, or
     * sooner when {@value #LOSS_READ_MILLIS} ms have passed, so that progress stays live), which is
     * also when a NaN or infinite loss is noticed.
     *
     * @param trainer   an initialized DJL trainer on one device whose loss is a softmax cross-entropy
     * @param optimizer the optimizer of the trainer's configuration ({@code config.getOptimizer()})
     * @param data      the training samples
     * @param batchSize samples per step; a last partial batch is used too
     * @param seed      seeds this epoch's shuffle (use a different one per epoch)
     * @param firstIteration number of iterations before this epoch (for the listener)
     * @param listener  told every iteration's loss, or null
     * @throws DivergedException when a batch loss is NaN or infinite
     */
    public static EpochStats trainEpoch(Trainer trainer, Optimizer optimizer, DeviceSet data, int batchSize,
            long seed, long firstIteration, IterationListener listener) {
        long start = System.nanoTime();
        int n = data.count();
        List<Parameter> trainable = trainableParameters(trainer);
        try (NDManager epochManager = trainer.getManager().newSubManager()) {
            DeviceSet.Batches batches = data.batches(epochManager, epochManager.create(permutation(n, seed)), batchSize);
            Loss lossFn = trainer.getLoss();
            Backward backward = Backward.of(epochManager);
            PendingBatches pending = new PendingBatches(epochManager, firstIteration, listener);
            for (int b = 0, from = 0; b < batches.count(); b++, from += batchSize) {
                try (NDManager batch = epochManager.newSubManager()) {
                    NDList slice = batches.take(b);
                    slice.attach(batch);
                    NDList labels = new NDList(slice.get(slice.size() - 1));
                    NDList inputs = new NDList(slice.subList(0, slice.size() - 1));
                    NDArray loss;
                    NDArray logits;
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDList out = trainer.forward(inputs, labels);
                        logits = out.singletonOrThrow();
                        loss = lossFn.evaluate(labels, out);
                        backward.run(collector, loss);
                    }
                    update(trainable, optimizer);
                    pending.add(loss, logits.argMax(1), labels.head(), Math.min(n, from + batchSize) - from);
                }
            }
            pending.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new EpochStats(pending.weightedSum / n, pending.correct / (double) n, n, seconds);
        }
    }

    /**
     * The optimizer step, parameter by parameter: DJL's {@code Trainer.step()} goes through a
     * parameter server that first copies every gradient (made for several devices); with one device
     * the optimizer can update each weight from its gradient directly (its fused update also zeroes
     * the gradient).
     */
    private static void update(List<Parameter> trainable, Optimizer optimizer) {
        for (Parameter parameter : trainable) {
            NDArray weight = parameter.getArray();
            try (NDArray gradient = weight.getGradient()) {
                optimizer.update(parameter.getId(), weight, gradient);
            }
        }
    }

    private static List<Parameter> trainableParameters(Trainer trainer) {
        if (trainer.getDevices().length != 1) {
            throw new IllegalArgumentException("TrainingLoop trains on one device; the trainer has "
                    + trainer.getDevices().length);
        }
        List<Parameter> trainable = new ArrayList<>();
        for (Pair<String, Parameter> entry : trainer.getModel().getBlock().getParameters()) {
            if (entry.getValue().requiresGradient()) {
                trainable.add(entry.getValue());
            }
        }
        return trainable;
    }

    /**
     * Batch losses, predicted classes and labels kept on the device until a group of batches is read
     * back: the losses in one copy, the correct count in one comparison. Per batch this leaves a
     * single native call for the bookkeeping (the arg-max).
     */
    private static final class PendingBatches {
        private final NDManager manager;
        private final IterationListener listener;
        private final NDList losses = new NDList();
        private final NDList predicted = new NDList();
        private final NDList labels = new NDList();
        private final List<Integer> sizes = new ArrayList<>();
        private long iteration;
        private long lastRead = System.nanoTime();
        private double weightedSum;
        private long correct;

        PendingBatches(NDManager manager, long firstIteration, IterationListener listener) {
            this.manager = manager;
            this.iteration = firstIteration;
            this.listener = listener;
        }

        void add(NDArray loss, NDArray predictedClasses, NDArray trueClasses, int samples) {
            losses.add(loss);
            predicted.add(predictedClasses);
            labels.add(trueClasses);
            loss.attach(manager);
            predictedClasses.attach(manager);
            trueClasses.attach(manager);
            sizes.add(samples);
            if (losses.size() >= LOSS_READ_BATCHES
                    || System.nanoTime() - lastRead >= LOSS_READ_MILLIS * 1_000_000L) {
                flush();
            }
        }

        void flush() {
            lastRead = System.nanoTime();
            if (losses.isEmpty()) {
                return;
            }
            float[] values;
            try (NDManager read = manager.newSubManager()) {
                NDArray stacked = NDArrays.stack(losses);
                NDArray hits = NDArrays.concat(predicted).eq(NDArrays.concat(labels)).sum();
                stacked.attach(read);
                hits.attach(read);
                values = stacked.toFloatArray();
                correct += hits.getLong();
            }
            for (NDList list : List.of(losses, predicted, labels)) {
                list.close();
                list.clear();
            }
            for (int i = 0; i < values.length; i++) {
                iteration++;
                if (!Float.isFinite(values[i])) {
                    throw new DivergedException(iteration, values[i]);
                }
                weightedSum += (double) values[i] * sizes.get(i);
                if (listener != null) {
                    listener.onIteration(iteration, values[i]);
                }
            }
            sizes.clear();
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
