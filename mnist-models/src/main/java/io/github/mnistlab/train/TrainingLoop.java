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
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import io.github.mnistlab.data.DataSplits;
import io.github.mnistlab.record.StepEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training and evaluation passes over a {@link DeviceSet}.
 *
 * <p>Each epoch takes its batches from the device-resident set in a seeded permutation
 * ({@link DeviceSet#batches}: indices and labels split once, each batch's images gathered as it is
 * trained); a batch's arrays are owned by a per-batch sub-manager that is closed after the optimizer
 * step, so native memory stays flat. Every step is checked before it is applied (see
 * {@link #trainEpoch}); the optimizer then updates each parameter directly.
 */
public final class TrainingLoop {
    /** At most this many steps in a row may be skipped (out of line twice, of any kind) before the run is called diverged. */
    public static final int MAX_CONSECUTIVE_SKIPS = 10;
    /**
     * A finite batch loss this many times above the recent ones (and {@value #SPIKE_MARGIN} nats above
     * them), or above {@value #SPIKE_CEILING} at any time, is checked by computing the step again.
     */
    static final float SPIKE_FACTOR = 20;
    static final float SPIKE_MARGIN = 5;
    static final float SPIKE_CEILING = 50;
    /** A gradient whose norm is this many times its recent one is checked too. */
    static final double GRADIENT_SPIKE_FACTOR = 1000;
    /** Steps of an epoch before the recent loss is trusted for the relative test. */
    static final int SPIKE_WARMUP = 8;
    /** At most this many batches' predictions wait on the device before they are counted. */
    static final int PREDICTION_READ_BATCHES = 64;

    private TrainingLoop() {
    }

    /**
     * One epoch of mini-batch training.
     *
     * <p>Per batch this issues only the native calls the step needs: the forward pass, the loss,
     * backward, one read of the loss together with one L2 norm per gradient (the step check below), one
     * fused optimizer update per parameter and the on-device arg-max; the correct predictions are
     * counted in groups of {@value #PREDICTION_READ_BATCHES} batches.
     *
     * <p>The step check, as mixed-precision trainers skip overflowed steps: a NaN or infinite loss
     * is a divergence and stops the epoch. A step whose loss is finite but out of line (a
     * {@link StepEvent} of one of three kinds: a non-finite gradient, a loss far above the recent ones,
     * or a gradient over a thousand times its recent norm) is not applied but computed once more; the
     * second result is applied when it is in line (recomputed), else the step is skipped.
     * {@value #MAX_CONSECUTIVE_SKIPS} skipped steps in a row are a divergence. Why: one applied garbage
     * step can leave a dead network, and a pass can return garbage (an engine fault, see
     * {@code EngineMemory} and {@code model.Scalars}, or an unstable learning rate).
     *
     * @param trainer   an initialized DJL trainer on one device whose loss is a softmax cross-entropy
     * @param optimizer the optimizer of the trainer's configuration ({@code config.getOptimizer()})
     * @param data      the training samples
     * @param batchSize samples per step; a last partial batch is used too
     * @param seed      seeds this epoch's shuffle (use a different one per epoch)
     * @param firstIteration number of iterations before this epoch (for the listener)
     * @param listener  told every iteration's loss and every step event, or null
     * @throws DivergedException when a batch loss is NaN or infinite, or too many steps in a row were skipped
     */
    public static EpochStats trainEpoch(Trainer trainer, Optimizer optimizer, DeviceSet data, int batchSize,
            long seed, long firstIteration, IterationListener listener) {
        EngineMemory.ensure();
        long start = System.nanoTime();
        int n = data.count();
        List<Pair<String, Parameter>> trainable = trainableParameters(trainer);
        IterationListener heard = listener == null ? (iteration, loss) -> { } : listener;
        try (NDManager epochManager = trainer.getManager().newSubManager()) {
            DeviceSet.Batches batches = data.batches(epochManager, epochManager.create(permutation(n, seed)), batchSize);
            Backward backward = Backward.of(epochManager);
            PendingPredictions pending = new PendingPredictions(epochManager);
            double weightedLoss = 0;
            int recomputed = 0;
            int skipped = 0;
            int skippedInARow = 0;
            RecentLoss recent = new RecentLoss();
            long iteration = firstIteration;
            for (int b = 0, from = 0; b < batches.count(); b++, from += batchSize) {
                iteration++;
                try (NDManager batch = epochManager.newSubManager()) {
                    NDList slice = batches.take(b);
                    slice.attach(batch);
                    NDList labels = new NDList(slice.get(slice.size() - 1));
                    NDList inputs = new NDList(slice.subList(0, slice.size() - 1));
                    Step step = Step.compute(trainer, backward, inputs, labels, trainable, batch, iteration);
                    StepEvent event = null;
                    if (step.faultyParameter() != null) {
                        String parameter = step.faultyParameter();
                        zeroGradients(trainable);
                        step = Step.compute(trainer, backward, inputs, labels, trainable, batch, iteration);
                        event = StepEvent.nonFinite(iteration, parameter, step.faultyParameter() != null);
                    } else {
                        Spike spike = recent.spike(step);
                        if (spike != null) {
                            zeroGradients(trainable);
                            step = Step.compute(trainer, backward, inputs, labels, trainable, batch, iteration);
                            boolean again = step.faultyParameter() != null || recent.spike(step) != null;
                            event = new StepEvent(iteration, spike.kind(),
                                    spike.parameter() < 0 ? null : trainable.get(spike.parameter()).getKey(),
                                    spike.value(), spike.typical(), again);
                        }
                    }
                    if (event != null) {
                        heard.onStepEvent(event);
                        if (event.skipped()) {
                            zeroGradients(trainable);
                            skipped++;
                            if (++skippedInARow >= MAX_CONSECUTIVE_SKIPS) {
                                throw DivergedException.stepsSkipped(event, skippedInARow);
                            }
                        } else {
                            recomputed++;
                        }
                    }
                    if (event == null || !event.skipped()) {
                        update(trainable, step.gradients(), optimizer);
                        recent.add(step);
                        skippedInARow = 0;
                    }
                    int samples = Math.min(n, from + batchSize) - from;
                    weightedLoss += (double) step.loss() * samples;
                    heard.onIteration(iteration, step.loss());
                    pending.add(step.logits().argMax(1), labels.head());
                }
            }
            pending.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new EpochStats(weightedLoss / n, pending.correct / (double) n, n, seconds, recomputed, skipped);
        }
    }

    /**
     * The recent steps of an epoch (their loss and each gradient's norm, as moving averages over
     * about the last ten applied steps), for telling a garbage pass from a step in line.
     */
    static final class RecentLoss {
        private double typical;
        private double[] norms;
        private int count;

        /** How {@code step}'s loss or one of its gradients is far out of line with the applied steps before it; null when in line. */
        Spike spike(Step step) {
            float loss = step.loss();
            if (loss > SPIKE_CEILING) {
                return new Spike(StepEvent.Kind.LOSS_SPIKE, -1, (double) loss, count == 0 ? null : typical);
            }
            if (count < SPIKE_WARMUP) {
                return null;
            }
            if (loss > SPIKE_FACTOR * typical && loss > typical + SPIKE_MARGIN) {
                return new Spike(StepEvent.Kind.LOSS_SPIKE, -1, (double) loss, typical);
            }
            for (int i = 0; i < norms.length; i++) {
                if (norms[i] > 0 && step.norms()[i] > GRADIENT_SPIKE_FACTOR * norms[i]) {
                    return new Spike(StepEvent.Kind.GRADIENT_SPIKE, i, (double) step.norms()[i], norms[i]);
                }
            }
            return null;
        }

        /** An applied step. */
        void add(Step step) {
            float[] latest = step.norms();
            if (count == 0) {
                typical = step.loss();
                norms = new double[latest.length];
                for (int i = 0; i < latest.length; i++) {
                    norms[i] = latest[i];
                }
            } else {
                typical = 0.9 * typical + 0.1 * step.loss();
                for (int i = 0; i < latest.length; i++) {
                    norms[i] = 0.9 * norms[i] + 0.1 * latest[i];
                }
            }
            count++;
        }

        double typical() {
            return typical;
        }
    }

    /**
     * What was out of line in a step: the loss ({@code parameter} −1) or the gradient of the
     * {@code parameter}-th trainable parameter, its value and the recent one.
     */
    record Spike(StepEvent.Kind kind, int parameter, Double value, Double typical) {
    }

    /**
     * One forward and backward pass and what the check read: the loss, the logits, the gradients, and
     * the name of the first parameter whose gradient is not finite (null when all are).
     */
    record Step(float loss, NDArray logits, NDList gradients, float[] norms, String faultyParameter) {
        /**
         * Computes the step and reads, in one copy from the device, the loss and the L2 norm of every
         * gradient (one native call each): a norm is finite exactly when its gradient holds no NaN or
         * infinity, and it tells a gradient out of line.
         *
         * @throws DivergedException when the loss is NaN or infinite
         */
        static Step compute(Trainer trainer, Backward backward, NDList inputs, NDList labels,
                List<Pair<String, Parameter>> trainable, NDManager batch, long iteration) {
            NDArray loss;
            NDArray logits;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList out = trainer.forward(inputs, labels);
                logits = out.singletonOrThrow();
                loss = trainer.getLoss().evaluate(labels, out);
                backward.run(collector, loss);
            }
            NDList gradients = new NDList(trainable.size());
            NDList sums = new NDList(trainable.size() + 1);
            sums.add(loss);
            for (Pair<String, Parameter> p : trainable) {
                NDArray gradient = p.getValue().getArray().getGradient();
                gradients.add(gradient);
                sums.add(gradient.norm());
            }
            gradients.attach(batch);
            sums.attach(batch);
            float[] read = NDArrays.stack(sums).toFloatArray();
            if (!Float.isFinite(read[0])) {
                throw new DivergedException(iteration, read[0]);
            }
            String faulty = null;
            for (int i = 1; i < read.length && faulty == null; i++) {
                if (!Float.isFinite(read[i])) {
                    faulty = trainable.get(i - 1).getKey();
                }
            }
            return new Step(read[0], logits, gradients, java.util.Arrays.copyOfRange(read, 1, read.length), faulty);
        }
    }

    /**
     * The optimizer step, parameter by parameter: DJL's {@code Trainer.step()} goes through a
     * parameter server that first copies every gradient (made for several devices); with one device
     * the optimizer can update each weight from its gradient directly (its fused update also zeroes
     * the gradient).
     */
    private static void update(List<Pair<String, Parameter>> trainable, NDList gradients, Optimizer optimizer) {
        for (int i = 0; i < trainable.size(); i++) {
            Parameter parameter = trainable.get(i).getValue();
            optimizer.update(parameter.getId(), parameter.getArray(), gradients.get(i));
        }
    }

    /**
     * Sets every gradient to zero in place. (DJL's {@code GradientCollector.zeroGradients} subtracts a
     * gradient from itself, which leaves a NaN a NaN.)
     */
    private static void zeroGradients(List<Pair<String, Parameter>> trainable) {
        for (Pair<String, Parameter> p : trainable) {
            NDArray weight = p.getValue().getArray();
            if (weight instanceof PtNDArray pt) {
                JniUtils.zeroGrad(pt);
            } else {
                try (NDArray gradient = weight.getGradient()) {
                    gradient.set(new NDIndex("..."), 0);
                }
            }
        }
    }

    /** The trainable parameters with their block-path names (e.g. {@code 01SequentialBlock_01UnfoldConv2d_weight}). */
    private static List<Pair<String, Parameter>> trainableParameters(Trainer trainer) {
        if (trainer.getDevices().length != 1) {
            throw new IllegalArgumentException("TrainingLoop trains on one device; the trainer has "
                    + trainer.getDevices().length);
        }
        List<Pair<String, Parameter>> trainable = new ArrayList<>();
        for (Pair<String, Parameter> entry : trainer.getModel().getBlock().getParameters()) {
            if (entry.getValue().requiresGradient()) {
                trainable.add(entry);
            }
        }
        return trainable;
    }

    /**
     * Predicted classes and labels kept on the device until a group of batches is counted in one
     * comparison. Per batch this leaves a single native call for the bookkeeping (the arg-max).
     */
    private static final class PendingPredictions {
        private final NDManager manager;
        private final NDList predicted = new NDList();
        private final NDList labels = new NDList();
        private long correct;

        PendingPredictions(NDManager manager) {
            this.manager = manager;
        }

        void add(NDArray predictedClasses, NDArray trueClasses) {
            predicted.add(predictedClasses);
            labels.add(trueClasses);
            predictedClasses.attach(manager);
            trueClasses.attach(manager);
            if (predicted.size() >= PREDICTION_READ_BATCHES) {
                flush();
            }
        }

        void flush() {
            if (predicted.isEmpty()) {
                return;
            }
            try (NDManager read = manager.newSubManager()) {
                NDArray hits = NDArrays.concat(predicted).eq(NDArrays.concat(labels)).sum();
                hits.attach(read);
                correct += hits.getLong();
            }
            for (NDList list : List.of(predicted, labels)) {
                list.close();
                list.clear();
            }
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
        return new EpochStats(p.loss(), p.accuracy(), p.samples(), 0, 0, 0);
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
