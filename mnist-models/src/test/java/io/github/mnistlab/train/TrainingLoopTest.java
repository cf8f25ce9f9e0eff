package io.github.mnistlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.github.mnistlab.data.DigitImages;
import io.github.mnistlab.model.Mlp;
import io.github.mnistlab.record.StepEvent;
import io.github.mnistlab.spec.ActivationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The lean loop against DJL's own training step, on small random digits (no MNIST needed). */
class TrainingLoopTest {
    private static final int SAMPLES = 300;
    private static final int BATCH = 32;

    /** 300 random 28×28 "digits" whose label is a function of the pixels, so there is something to learn. */
    private static DigitImages randomDigits() {
        Random random = new Random(7);
        byte[] pixels = new byte[SAMPLES * 784];
        byte[] labels = new byte[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            int label = random.nextInt(10);
            labels[i] = (byte) label;
            for (int p = 0; p < 784; p++) {
                int v = random.nextInt(64) + (p % 10 == label ? 180 : 0);
                pixels[i * 784 + p] = (byte) Math.min(255, v);
            }
        }
        return new DigitImages(pixels, labels);
    }

    private static Block mlp() {
        return Mlp.builder().setHidden(List.of(16)).optActivation(ActivationKind.SIGMOID).build();
    }

    private static DefaultTrainingConfig config(Supplier<Optimizer> optimizer) {
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer.get())
                .optDevices(new Device[] {Device.cpu()});
    }

    private static List<float[]> parameters(Block block) {
        List<float[]> values = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            values.add(p.getValue().getArray().toFloatArray());
        }
        return values;
    }

    /** Three epochs with {@link TrainingLoop}, or with DJL's forward/backward/{@code Trainer.step()}. */
    private static List<float[]> train(Supplier<Optimizer> optimizer, boolean lean) {
        try (Model model = Model.newInstance("loop", Device.cpu(), "PyTorch")) {
            Block block = mlp();
            model.setBlock(block);
            DefaultTrainingConfig config = config(optimizer);
            try (Trainer trainer = model.newTrainer(config);
                    DeviceDigits data = DeviceDigits.upload(model.getNDManager(), randomDigits(), 0.5f, 0.25f)) {
                trainer.initialize(new Shape(1, 1, 28, 28));
                Engine.getInstance().setRandomSeed(11);
                TorchDefaultInit.apply(block, model.getNDManager());
                for (int epoch = 1; epoch <= 3; epoch++) {
                    if (lean) {
                        TrainingLoop.trainEpoch(trainer, config.getOptimizer(), data, BATCH, epoch, 0, null);
                    } else {
                        djlEpoch(trainer, data, epoch);
                    }
                }
                return parameters(block);
            }
        }
    }

    /** The textbook DJL step, in the same order of batches. */
    private static void djlEpoch(Trainer trainer, DeviceDigits data, long seed) {
        try (NDManager epoch = trainer.getManager().newSubManager()) {
            NDList arranged = data.arrange(epoch, epoch.create(TrainingLoop.permutation(SAMPLES, seed)));
            for (int from = 0; from < SAMPLES; from += BATCH) {
                try (NDManager batch = epoch.newSubManager()) {
                    NDIndex rows = new NDIndex().addSliceDim(from, Math.min(SAMPLES, from + BATCH));
                    NDArray x = arranged.get(0).get(rows);
                    NDArray y = arranged.get(1).get(rows);
                    x.attach(batch);
                    y.attach(batch);
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDList out = trainer.forward(new NDList(x));
                        collector.backward(trainer.getLoss().evaluate(new NDList(y), out));
                    }
                    trainer.step();
                }
            }
        }
    }

    private static void assertSameParameters(List<float[]> expected, List<float[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), 1e-5f, "parameter " + i);
        }
    }

    @Test
    void directUpdatesEqualDjlStepForSgdWithMomentumAndWeightDecay() {
        Supplier<Optimizer> sgd = () -> Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.05f))
                .optMomentum(0.5f).optWeightDecays(1e-3f).build();
        List<float[]> djl = train(sgd, false);
        List<float[]> lean = train(sgd, true);
        assertSameParameters(djl, lean);
        // and training moved them: the first layer's weights are no longer the initial ones
        try (Model model = Model.newInstance("init", Device.cpu(), "PyTorch")) {
            Block block = mlp();
            block.initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 1, 28, 28));
            Engine.getInstance().setRandomSeed(11);
                TorchDefaultInit.apply(block, model.getNDManager());
            float[] initial = parameters(block).get(0);
            float moved = 0;
            for (int i = 0; i < initial.length; i++) {
                moved = Math.max(moved, Math.abs(initial[i] - lean.get(0)[i]));
            }
            assertTrue(moved > 1e-3f, "weights moved by at most " + moved);
        }
    }

    @Test
    void directUpdatesEqualDjlStepForAdamW() {
        Supplier<Optimizer> adamW = () -> Optimizer.adamW().optLearningRateTracker(Tracker.fixed(0.003f))
                .optWeightDecays(0.002f).build();
        assertSameParameters(train(adamW, false), train(adamW, true));
    }

    @Test
    void everyIterationIsReportedOnceInOrderAndTheEpochLossIsTheirWeightedMean() {
        try (Model model = Model.newInstance("listen", Device.cpu(), "PyTorch")) {
            Block block = mlp();
            model.setBlock(block);
            DefaultTrainingConfig config = config(() -> Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.05f))
                    .build());
            try (Trainer trainer = model.newTrainer(config);
                    DeviceDigits data = DeviceDigits.upload(model.getNDManager(), randomDigits(), 0.5f, 0.25f)) {
                trainer.initialize(new Shape(1, 1, 28, 28));
                List<Long> iterations = new ArrayList<>();
                List<Float> losses = new ArrayList<>();
                // batch 3 gives 100 batches: more than one group of pending predictions is counted
                EpochStats stats = TrainingLoop.trainEpoch(trainer, config.getOptimizer(), data, 3, 1, 40,
                        (iteration, loss) -> {
                            iterations.add(iteration);
                            losses.add(loss);
                        });
                assertEquals(100, iterations.size());
                for (int i = 0; i < iterations.size(); i++) {
                    assertEquals(41 + i, iterations.get(i));
                }
                double mean = losses.stream().mapToDouble(Float::doubleValue).average().orElseThrow();
                assertEquals(mean, stats.loss(), 1e-5);
                assertEquals(SAMPLES, stats.samples());
                assertTrue(stats.accuracy() > 0.1 && stats.accuracy() <= 1.0, "accuracy " + stats.accuracy());
            }
        }
    }

    @Test
    void theEpochAccuracyCountsTheCorrectPredictionsOfEveryBatch() {
        try (Model model = Model.newInstance("count", Device.cpu(), "PyTorch")) {
            Block block = mlp();
            model.setBlock(block);
            // learning rate 0: the weights, so the predictions, stay those of the evaluation pass
            DefaultTrainingConfig config = config(() -> Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0f))
                    .build());
            try (Trainer trainer = model.newTrainer(config);
                    DeviceDigits data = DeviceDigits.upload(model.getNDManager(), randomDigits(), 0.5f, 0.25f)) {
                trainer.initialize(new Shape(1, 1, 28, 28));
                Engine.getInstance().setRandomSeed(5);
                TorchDefaultInit.apply(block, model.getNDManager());
                double expected = TrainingLoop.evaluate(trainer, data, 64).accuracy();
                // 100 batches of 3 (two groups of pending batches), 43 of 7 (the last one holds 6)
                for (int batch : new int[] {3, 7}) {
                    EpochStats stats = TrainingLoop.trainEpoch(trainer, config.getOptimizer(), data, batch, 9, 0, null);
                    assertEquals(expected, stats.accuracy(), 1e-12, "batch " + batch);
                }
                assertTrue(expected > 0 && expected < 1, "accuracy " + expected);
            }
        }
    }

    @Test
    void aLossThatBecomesNanStopsTheEpochNamingTheIteration() {
        try (Model model = Model.newInstance("diverge", Device.cpu(), "PyTorch")) {
            Block block = mlp();
            model.setBlock(block);
            DefaultTrainingConfig config = config(() -> Optimizer.sgd().setLearningRateTracker(Tracker.fixed(Float.MAX_VALUE))
                    .build());
            try (Trainer trainer = model.newTrainer(config);
                    DeviceDigits data = DeviceDigits.upload(model.getNDManager(), randomDigits(), 0.5f, 0.25f)) {
                trainer.initialize(new Shape(1, 1, 28, 28));
                List<Long> seen = new ArrayList<>();
                DivergedException e = assertThrows(DivergedException.class, () -> TrainingLoop.trainEpoch(trainer,
                        config.getOptimizer(), data, 10, 1, 0, (iteration, loss) -> seen.add(iteration)));
                assertTrue(e.iteration() >= 2 && e.iteration() <= 30, "diverged at " + e.iteration());
                assertEquals(e.iteration() - 1, seen.size(), "the listener hears every finite loss before it");
                assertTrue(e.getMessage().contains("iteration " + e.iteration()), e.getMessage());
            }
        }
    }

    /**
     * A pass-through block with one parameter, {@code probe}, that lets a test disturb the backward
     * pass on chosen training forward calls (1-based) while the output stays the input.
     */
    private abstract static class ProbeBlock extends AbstractBlock {
        private final java.util.function.IntPredicate chosen;
        private int calls;

        ProbeBlock(java.util.function.IntPredicate chosen) {
            this.chosen = chosen;
            addParameter(Parameter.builder().setName("probe").setType(Parameter.Type.WEIGHT).optShape(new Shape(1))
                    .optInitializer(Initializer.ONES).build());
        }

        /** What is added to the input: zero going forward, with {@code p}'s gradient disturbed when {@code hit}. */
        abstract NDArray zero(NDArray p, boolean hit);

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                PairList<String, Object> params) {
            NDArray x = inputs.singletonOrThrow();
            NDArray p = store.getValue(parameters.get("probe"), x.getDevice(), training);
            return new NDList(x.add(zero(p, training && chosen.test(++calls))));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }

    /**
     * Poisons the probe's gradient: {@code sqrt(0 · p)} is 0 going forward, and NaN (∞ · 0) coming
     * back, so the loss stays finite while {@code p}'s gradient is not — the shape of the oneDNN fault.
     */
    private static final class GradientPoison extends ProbeBlock {
        GradientPoison(java.util.function.IntPredicate poisoned) {
            super(poisoned);
        }

        @Override
        NDArray zero(NDArray p, boolean hit) {
            return hit ? p.mul(0).sqrt() : p.mul(0);
        }
    }

    /** One epoch of the MLP behind a {@link GradientPoison}; returns the stats and fills {@code faults}. */
    private static EpochStats poisonedEpoch(java.util.function.IntPredicate poisoned, int batch, List<String> faults,
            List<float[]> parametersAfter, List<float[]> parametersBefore) {
        try (Model model = Model.newInstance("poison", Device.cpu(), "PyTorch")) {
            SequentialBlock block = new SequentialBlock().add(new GradientPoison(poisoned)).add(mlp());
            model.setBlock(block);
            DefaultTrainingConfig config = config(() -> Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.05f))
                    .build());
            try (Trainer trainer = model.newTrainer(config);
                    DeviceDigits data = DeviceDigits.upload(model.getNDManager(), randomDigits(), 0.5f, 0.25f)) {
                trainer.initialize(new Shape(1, 1, 28, 28));
                parametersBefore.addAll(parameters(block));
                EpochStats stats = TrainingLoop.trainEpoch(trainer, config.getOptimizer(), data, batch, 3, 0,
                        new IterationListener() {
                            @Override
                            public void onIteration(long iteration, float loss) {
                                assertTrue(Float.isFinite(loss), "loss " + loss + " at " + iteration);
                            }

                            @Override
                            public void onStepEvent(StepEvent e) {
                                assertEquals(StepEvent.Kind.NON_FINITE_GRADIENT, e.kind());
                                faults.add(e.iteration() + " " + e.parameter() + (e.skipped() ? " skipped" : " recomputed"));
                            }
                        });
                parametersAfter.addAll(parameters(block));
                return stats;
            }
        }
    }

    @Test
    void aNonFiniteGradientIsComputedAgainAndTheStepSkippedWhenItStaysNonFinite() {
        List<String> faults = new ArrayList<>();
        List<float[]> after = new ArrayList<>();
        // 10 batches of 32: batch 3 is poisoned on its first try only (call 3; call 4 is the recomputation),
        // batch 5 on both tries (calls 6 and 7)
        EpochStats stats = poisonedEpoch(call -> call == 3 || call == 6 || call == 7, 32, faults, after, new ArrayList<>());

        assertEquals(1, stats.recomputedSteps());
        assertEquals(1, stats.skippedSteps());
        assertEquals(List.of("3 01GradientPoison_probe recomputed", "5 01GradientPoison_probe skipped"), faults);
        for (float[] values : after) {
            for (float v : values) {
                assertTrue(Float.isFinite(v), "every parameter stays finite");
            }
        }
        assertTrue(stats.accuracy() > 0.1, "the other steps trained: accuracy " + stats.accuracy());
    }

    @Test
    void aSkippedStepLeavesEveryParameterAsItWas() {
        List<float[]> before = new ArrayList<>();
        List<float[]> after = new ArrayList<>();
        // one batch of all 300 samples, poisoned on both tries
        EpochStats stats = poisonedEpoch(call -> true, SAMPLES, new ArrayList<>(), after, before);

        assertEquals(1, stats.skippedSteps());
        assertSameParameters(before, after);
    }

    @Test
    void stepsSkippedManyTimesInARowAreADivergenceNamingTheParameter() {
        List<String> faults = new ArrayList<>();
        DivergedException e = assertThrows(DivergedException.class,
                () -> poisonedEpoch(call -> true, 10, faults, new ArrayList<>(), new ArrayList<>()));

        assertEquals(TrainingLoop.MAX_CONSECUTIVE_SKIPS, e.iteration());
        assertEquals(TrainingLoop.MAX_CONSECUTIVE_SKIPS, faults.size());
        assertTrue(e.getMessage().startsWith(TrainingLoop.MAX_CONSECUTIVE_SKIPS + " training steps in a row were not"
                + " applied (the last, iteration 10: non-finite gradient in 01GradientPoison_probe)"), e.getMessage());
        assertTrue(e.getMessage().contains("lower the learning rate"), e.getMessage());
    }

    /** Multiplies the logits by a million on chosen training forward calls (1-based): a forward pass that returned garbage. */
    private static final class LogitGarbage extends AbstractBlock {
        private final java.util.function.IntPredicate garbled;
        private int calls;

        LogitGarbage(java.util.function.IntPredicate garbled) {
            this.garbled = garbled;
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                PairList<String, Object> params) {
            NDArray x = inputs.singletonOrThrow();
            return new NDList(training && garbled.test(++calls) ? x.mul(1e6f) : x);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }


    /**
     * One epoch (30 batches of 10, SGD at 0.05) of {@code block}, hearing every loss and spike;
     * {@code inspect} sees the block after the epoch, before the model closes.
     */
    private static EpochStats spikyEpoch(Block block, List<Float> losses, List<StepEvent> spikes,
            java.util.function.Consumer<Block> inspect) {
        try (Model model = Model.newInstance("spike", Device.cpu(), "PyTorch")) {
            model.setBlock(block);
            DefaultTrainingConfig config = config(() -> Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.05f)).build());
            try (Trainer trainer = model.newTrainer(config);
                    DeviceDigits data = DeviceDigits.upload(model.getNDManager(), randomDigits(), 0.5f, 0.25f)) {
                trainer.initialize(new Shape(1, 1, 28, 28));
                EpochStats stats = TrainingLoop.trainEpoch(trainer, config.getOptimizer(), data, 10, 3, 0,
                        new IterationListener() {
                            @Override
                            public void onIteration(long iteration, float loss) {
                                losses.add(loss);
                            }

                            @Override
                            public void onStepEvent(StepEvent event) {
                                spikes.add(event);
                            }
                        });
                inspect.accept(block);
                return stats;
            }
        }
    }

    private static List<String> outcomes(List<StepEvent> spikes) {
        return spikes.stream().map(s -> s.iteration() + " " + s.kind().id() + (s.skipped() ? " skipped" : " recomputed"))
                .toList();
    }

    @Test
    void aLossFarAboveTheRecentOnesIsComputedAgainAndTheRecomputationApplied() {
        List<Float> losses = new ArrayList<>();
        List<StepEvent> heard = new ArrayList<>();
        // batch 12's first forward pass returns garbage, its recomputation (call 13) does not
        EpochStats stats = spikyEpoch(new SequentialBlock().add(mlp()).add(new LogitGarbage(call -> call == 12)),
                losses, heard, block -> { });
        assertEquals(List.of("12 loss-spike recomputed"), outcomes(heard), losses.toString());
        assertTrue(heard.get(0).value() > 50 && heard.get(0).typical() < 5, heard.toString());
        assertNull(heard.get(0).parameter());
        assertEquals(1, stats.recomputedSteps());
        assertTrue(losses.get(11) < 5, "the recomputed loss is the one heard: " + losses.get(11));
        assertTrue(stats.accuracy() > 0.1, "training went on: accuracy " + stats.accuracy());
    }

    @Test
    void aLossFarAboveTheRecentOnesTwiceIsSkippedLeavingTheParametersAsTheyWere() {
        List<StepEvent> heard = new ArrayList<>();
        // batch 12 returns garbage on both tries (calls 12 and 13)
        EpochStats stats = spikyEpoch(new SequentialBlock().add(mlp()).add(new LogitGarbage(call -> call == 12 || call == 13)),
                new ArrayList<>(), heard, block -> { });
        List<String> spikes = outcomes(heard);
        assertEquals(List.of("12 loss-spike skipped"), spikes);
        assertEquals(1, stats.skippedSteps());
        assertEquals(0, stats.recomputedSteps());
        assertTrue(stats.accuracy() > 0.1, "the garbage step was not applied: accuracy " + stats.accuracy());
    }

    /**
     * Gives the probe a gradient of about 1e9 on chosen training calls while the output and the loss
     * stay as they are: a backward pass that returned finite garbage.
     */
    private static final class GradientBlast extends ProbeBlock {
        GradientBlast(java.util.function.IntPredicate blasted) {
            super(blasted);
        }

        @Override
        NDArray zero(NDArray p, boolean hit) {
            // zero going forward; the gradient of p is the scale times the sum of the upstream gradient
            NDArray scaled = p.mul(hit ? 1e9f : 1e-3f);
            return scaled.sub(scaled.stopGradient());
        }
    }

    @Test
    void aGradientFarAboveItsRecentSizeIsComputedAgainBeforeItIsApplied() {
        List<StepEvent> heard = new ArrayList<>();
        float[] probeAfter = new float[1];
        // batch 12's first backward pass gives the probe a gradient about a trillion times its usual size
        GradientBlast blast = new GradientBlast(call -> call == 12);
        EpochStats stats = spikyEpoch(new SequentialBlock().add(blast).add(mlp()), new ArrayList<>(), heard,
                block -> probeAfter[0] = blast.getParameters().get("probe").getArray().getFloat());
        List<String> spikes = outcomes(heard);
        assertEquals(List.of("12 gradient-spike recomputed"), spikes);
        assertEquals("01GradientBlast_probe", heard.get(0).parameter());
        assertTrue(heard.get(0).ratio() > TrainingLoop.GRADIENT_SPIKE_FACTOR, heard.toString());
        assertEquals(1, stats.recomputedSteps());
        float probe = probeAfter[0];
        assertTrue(Math.abs(probe) < 10, "the blasted gradient was not applied: probe " + probe);
    }
}
