package io.github.mnistlab.run;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import io.github.mnistlab.data.DataSplits;
import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.record.StepEvent;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.ModelKind;
import io.github.mnistlab.train.DeviceDigits;
import io.github.mnistlab.train.DeviceSet;
import io.github.mnistlab.train.DivergedException;
import io.github.mnistlab.train.EngineMemory;
import io.github.mnistlab.train.IterationListener;
import io.github.mnistlab.train.TorchDefaultInit;
import io.github.mnistlab.train.TrainingLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The first training steps of a spec's network, as the runner trains them (its network, initialization,
 * optimizer, schedule, augmentation and epoch seeds, on the CPU), with every batch loss and every step
 * event kept. The stress benchmark counts the events over many steps; {@code verify} trains the same
 * steps twice in one process and compares the losses bit for bit.
 *
 * @param losses     every batch loss, in order
 * @param events     every step the step check set aside
 * @param divergence why training stopped early, or null when every step ran
 * @param seconds    wall-clock seconds of the training steps
 */
public record TrainingTrace(float[] losses, List<StepEvent> events, String divergence, double seconds) {
    public TrainingTrace {
        events = List.copyOf(events);
    }

    /** Steps that ran. */
    public int steps() {
        return losses.length;
    }

    /**
     * Trains {@code spec}'s digit classifier for {@code steps} steps: epochs of at most {@code steps}
     * batches (the first digits of the spec's training split) until {@code steps} have run.
     *
     * @param unfoldFirstConv for a CNN, whether its first convolution is {@code UnfoldConv2d} (the
     *                        product's) or DJL's {@code Conv2d}
     * @param around          wraps the network (e.g. with a block in front of it), or returns it as it is
     * @param onEvent         told each step event as it happens
     * @throws IllegalArgumentException for a model that is not a DJL digit classifier
     */
    public static TrainingTrace of(ExperimentSpec spec, MnistDataset data, int steps, boolean unfoldFirstConv,
            UnaryOperator<Block> around, Consumer<StepEvent> onEvent) {
        if (spec.model() != ModelKind.CNN && spec.model() != ModelKind.MLP) {
            throw new IllegalArgumentException("preset " + spec.preset() + " is not a digit classifier trained with DJL;"
                    + " use cnn-lenet, cnn-small, cnn-wide, cnn-plus, mlp or mlp-plus");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps is " + steps + ", expected 1 or more");
        }
        int perEpoch = Math.min(steps, (DataSplits.of(data, spec.validationSize(), spec.limit(), spec.seed()).train().count()
                + spec.batchSize() - 1) / spec.batchSize());
        ExperimentSpec limited = spec.toBuilder().limit(Math.min(spec.limit() == 0 ? Integer.MAX_VALUE : spec.limit(),
                perEpoch * spec.batchSize())).build();
        DataSplits splits = DataSplits.of(data, limited.validationSize(), limited.limit(), limited.seed());
        Engine engine = Engine.getEngine("PyTorch");
        EngineMemory.ensure();
        Device device = DeviceChoice.CPU.resolve(engine);
        engine.setRandomSeed((int) limited.seed());
        List<Float> losses = new ArrayList<>();
        List<StepEvent> events = new ArrayList<>();
        String divergence = null;
        double seconds = 0;
        try (Model model = Model.newInstance("trace", device, "PyTorch")) {
            NDManager manager = model.getNDManager();
            Block block = around.apply(limited.model() == ModelKind.CNN
                    ? ModelFactory.digitCnnBuilder(limited).optUnfoldFirstConv(unfoldFirstConv).build()
                    : ModelFactory.block(limited, manager));
            model.setBlock(block);
            int batches = (splits.train().count() + limited.batchSize() - 1) / limited.batchSize();
            DefaultTrainingConfig config = ModelFactory.trainingConfig(limited, device, batches);
            try (Trainer trainer = model.newTrainer(config);
                    DeviceDigits train = DeviceDigits.upload(manager, splits.train(), limited.normalizeMean(),
                            limited.normalizeStd())) {
                trainer.initialize(ModelFactory.inputShapes(limited));
                TorchDefaultInit.apply(block, manager);
                DeviceSet set = limited.augments() ? ModelFactory.augmentation(limited).over(train) : train;
                IterationListener listener = new IterationListener() {
                    @Override
                    public void onIteration(long iteration, float loss) {
                        losses.add(loss);
                        if (losses.size() == steps) {
                            throw new Enough(); // mid-epoch: an epoch can hold more batches than the steps asked for
                        }
                    }

                    @Override
                    public void onStepEvent(StepEvent event) {
                        events.add(event);
                        onEvent.accept(event);
                    }
                };
                long start = System.nanoTime();
                try {
                    for (int epoch = 1; losses.size() < steps; epoch++) {
                        TrainingLoop.trainEpoch(trainer, config.getOptimizer(), set, limited.batchSize(),
                                limited.epochSeed(epoch), losses.size(), listener);
                    }
                } catch (Enough e) {
                    // the steps asked for have run
                } finally {
                    seconds = (System.nanoTime() - start) / 1e9;
                }
            } catch (DivergedException e) {
                divergence = e.getMessage();
            }
        }
        float[] all = new float[losses.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = losses.get(i);
        }
        return new TrainingTrace(all, events, divergence, seconds);
    }

    /** Ends training when the steps asked for have run. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    /**
     * The first step at which {@code other}'s loss differs from this one's in any bit (1-based), or 0
     * when all the steps both ran are identical and both ran as many.
     */
    public int firstDifference(TrainingTrace other) {
        int n = Math.min(steps(), other.steps());
        for (int i = 0; i < n; i++) {
            if (Float.floatToRawIntBits(losses[i]) != Float.floatToRawIntBits(other.losses[i])) {
                return i + 1;
            }
        }
        return steps() == other.steps() ? 0 : n + 1;
    }
}
