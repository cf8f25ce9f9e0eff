package io.github.mnistlab.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import io.github.mnistlab.data.DataSplits;
import io.github.mnistlab.data.DigitImages;
import io.github.mnistlab.data.DigitPairs;
import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.model.DigitAdder;
import io.github.mnistlab.run.DeviceChoice;
import io.github.mnistlab.run.ExperimentRunner;
import io.github.mnistlab.run.ModelFactory;
import io.github.mnistlab.scratch.ScratchMlp;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.ModelKind;
import io.github.mnistlab.spec.Presets;
import io.github.mnistlab.train.DeviceDigits;
import io.github.mnistlab.train.DevicePairs;
import io.github.mnistlab.train.EngineMemory;
import io.github.mnistlab.train.EpochStats;
import io.github.mnistlab.train.TorchDefaultInit;
import io.github.mnistlab.train.TrainingLoop;
import java.util.Objects;

/**
 * Times training epochs of a {@link BenchWorkload} on the product's own code path: the trainer is
 * configured as {@link ExperimentRunner} configures it, the data is uploaded once as
 * {@link DeviceDigits}, and every epoch is one {@link TrainingLoop#trainEpoch} call (or one
 * {@link ScratchMlp#trainEpoch} for the scratch engine), whose own wall-clock time is the measurement.
 * Loading MNIST, building the network and drawing an adder epoch's pairs are not timed.
 *
 * <pre>{@code
 * EpochBenchmark.builder().setWorkload(BenchWorkload.LENET).optWarmup(1).optRepeats(3).build()
 *         .run(MnistLoader.fromSystem(log).load(), listener);
 * }</pre>
 *
 * <p>The engine's threads must be set before the first DJL workload runs; the benchmark does not
 * touch them.
 */
public final class EpochBenchmark {
    /** Receives the setup once, then every epoch (warm-up ones included) as it finishes. */
    public interface Listener {
        void onStart(BenchSetup setup);

        void onEpoch(BenchEpoch epoch);
    }

    private final BenchWorkload workload;
    private final int warmup;
    private final int repeats;
    private final int batches;
    private final boolean unfoldFirstConv;

    private EpochBenchmark(Builder b) {
        this.workload = b.workload;
        this.warmup = b.warmup;
        this.repeats = b.repeats;
        this.batches = b.batches != null ? b.batches : b.workload.defaultBatches();
        this.unfoldFirstConv = b.unfoldFirstConv;
    }

    public static Builder builder() {
        return new Builder();
    }

    public BenchWorkload workload() {
        return workload;
    }

    /**
     * The spec as trained: the workload's, limited to {@code batches × batchSize} training digits
     * when a batch count is set.
     */
    public ExperimentSpec spec() {
        ExperimentSpec spec = workload.spec();
        return batches == 0 ? spec : spec.toBuilder().limit(Math.multiplyExact(batches, spec.batchSize())).build();
    }

    /** Trains {@code warmup + repeats} epochs on {@code data}, telling {@code listener} as it goes. */
    public void run(MnistDataset data, Listener listener) {
        Objects.requireNonNull(listener, "listener");
        ExperimentSpec spec = spec();
        DataSplits splits = DataSplits.of(data, spec.validationSize(), spec.limit(), spec.seed());
        if (workload.impl() == BenchWorkload.Impl.SCRATCH) {
            runScratch(spec, splits.train(), listener);
        } else {
            runDjl(spec, splits.train(), listener);
        }
    }

    private void runDjl(ExperimentSpec spec, DigitImages digits, Listener listener) {
        Engine engine = Engine.getEngine("PyTorch");
        EngineMemory.ensure();
        Device device = DeviceChoice.CPU.resolve(engine);
        engine.setRandomSeed((int) spec.seed());
        int n = digits.count();
        int steps = steps(n, spec.batchSize());
        listener.onStart(new BenchSetup(workload.id(), workload.impl().id(),
                engine.getEngineName() + "-" + engine.getVersion(), spec.batchSize(), steps, n));
        boolean adder = spec.model().isAdder();
        try (Model model = Model.newInstance("bench-" + workload.id(), device, "PyTorch")) {
            NDManager manager = model.getNDManager();
            Block block = block(spec, manager);
            model.setBlock(block);
            DefaultTrainingConfig config = ModelFactory.trainingConfig(spec, device, steps);
            Optimizer optimizer = config.getOptimizer();
            try (Trainer trainer = model.newTrainer(config);
                    DeviceDigits train = DeviceDigits.upload(manager, digits, spec.normalizeMean(), spec.normalizeStd())) {
                trainer.initialize(ModelFactory.inputShapes(spec));
                TorchDefaultInit.apply(block, manager);
                long iterations = 0;
                for (int epoch = 1; epoch <= warmup + repeats; epoch++) {
                    // The runner's per-epoch seed, so shuffles (and an adder's pairings) match a real run.
                    long epochSeed = spec.epochSeed(epoch);
                    EpochStats stats;
                    if (adder) {
                        try (DevicePairs pairs = new DevicePairs(train, DigitPairs.draw(digits, epochSeed))) {
                            stats = TrainingLoop.trainEpoch(trainer, optimizer, pairs, spec.batchSize(), epochSeed, iterations, null);
                        }
                    } else {
                        stats = TrainingLoop.trainEpoch(trainer, optimizer, train, spec.batchSize(), epochSeed, iterations, null);
                    }
                    iterations += steps;
                    listener.onEpoch(new BenchEpoch(epoch, epoch <= warmup, stats.seconds(), stats.samples(),
                            stats.loss(), stats.recomputedSteps(), stats.skippedSteps()));
                }
            }
        }
    }

    /**
     * The workload's network. A transfer adder's classifier is a fresh cnn-lenet instead of a loaded
     * run: the cost of a step does not depend on the values of the weights.
     */
    private Block block(ExperimentSpec spec, NDManager manager) {
        if (spec.model() == ModelKind.ADDER_TRANSFER) {
            Block classifier = ModelFactory.digitCnnBuilder(Presets.get(Presets.DEFAULT_PRETRAINED_PRESET))
                    .optUnfoldFirstConv(unfoldFirstConv).build();
            return DigitAdder.transfer().setDigitClassifier(classifier).optActivation(spec.activation())
                    .optFreeze(spec.freezePretrained()).build();
        }
        if (spec.model() == ModelKind.CNN) {
            return ModelFactory.digitCnnBuilder(spec).optUnfoldFirstConv(unfoldFirstConv).build();
        }
        return ModelFactory.block(spec, manager);
    }

    private void runScratch(ExperimentSpec spec, DigitImages digits, Listener listener) {
        int n = digits.count();
        listener.onStart(new BenchSetup(workload.id(), workload.impl().id(), "scratch-java"
                + System.getProperty("java.specification.version"), spec.batchSize(), steps(n, spec.batchSize()), n));
        float[] images = DigitImages.normalize(digits.pixels(), spec.normalizeMean(), spec.normalizeStd());
        ScratchMlp net = ModelFactory.scratch(spec);
        for (int epoch = 1; epoch <= warmup + repeats; epoch++) {
            EpochStats stats = net.trainEpoch(images, digits.labels(), n, spec.batchSize(), spec.learningRate(),
                    spec.weightDecay(), spec.epochSeed(epoch), null);
            listener.onEpoch(new BenchEpoch(epoch, epoch <= warmup, stats.seconds(), stats.samples(), stats.loss(), 0, 0));
        }
    }

    private static int steps(int samples, int batchSize) {
        return (samples + batchSize - 1) / batchSize;
    }

    /** Options of a benchmark. The workload is required. */
    public static final class Builder {
        private BenchWorkload workload;
        private int warmup = 1;
        private int repeats = 3;
        private Integer batches;
        private boolean unfoldFirstConv = true;

        private Builder() {
        }

        public Builder setWorkload(BenchWorkload workload) {
            this.workload = workload;
            return this;
        }

        /** Untimed epochs first, to let the JIT, the allocator and the engine settle; default 1. */
        public Builder optWarmup(int epochs) {
            this.warmup = epochs;
            return this;
        }

        /** Timed epochs after the warm-up; default 3. */
        public Builder optRepeats(int epochs) {
            this.repeats = epochs;
            return this;
        }

        /**
         * Batches per epoch: train on {@code batches × batchSize} digits of the training set; 0 for all of
         * them; default the workload's.
         */
        public Builder optBatches(int batches) {
            this.batches = batches;
            return this;
        }

        /** A CNN's first convolution: {@code UnfoldConv2d} (default true, the product's) or DJL's {@code Conv2d}. */
        public Builder optUnfoldFirstConv(boolean unfold) {
            this.unfoldFirstConv = unfold;
            return this;
        }

        /** Checks every option and builds the benchmark. */
        public EpochBenchmark build() {
            if (workload == null) {
                throw new IllegalArgumentException("a benchmark needs a workload; set one with setWorkload");
            }
            if (warmup < 0) {
                throw new IllegalArgumentException("warmup is " + warmup + " epochs, expected 0 or more");
            }
            if (repeats < 1) {
                throw new IllegalArgumentException("repeats is " + repeats + " epochs, expected 1 or more");
            }
            if (batches != null && batches < 0) {
                throw new IllegalArgumentException("batches is " + batches
                        + ", expected 0 (the whole training set) or a positive count, e.g. 50");
            }
            return new EpochBenchmark(this);
        }
    }
}
