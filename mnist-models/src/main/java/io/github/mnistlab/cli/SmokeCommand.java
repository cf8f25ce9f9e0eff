package io.github.mnistlab.cli;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.data.MnistLoader;
import io.github.mnistlab.model.Cnn;
import io.github.mnistlab.model.ConvStage;
import io.github.mnistlab.train.DeviceDigits;
import io.github.mnistlab.train.EpochStats;
import io.github.mnistlab.train.TrainingLoop;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smoke}: the engine check. Trains the LeNet-style CNN of the labs (conv 1→10 5×5, pool,
 * relu, conv 10→20 5×5, pool, relu, fc 320→10; SGD lr 0.01 momentum 0.5, batch 64) on the full
 * 60k training set and prints the 10k test accuracy and where the data came from.
 */
@Command(name = "smoke", mixinStandardHelpOptions = true,
        description = "Train the LeNet-style CNN on real MNIST and print its test accuracy.")
final class SmokeCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--epochs", defaultValue = "1", description = "Epochs to train (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "64", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--limit", defaultValue = "0",
            description = "Train on the first N training digits only; 0 = all 60000 (default).")
    int limit;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of initialization and shuffling (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "2", description = "Intra-op threads of the engine (default ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() {
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs is " + epochs + ", expected ≥ 1");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size is " + batchSize + ", expected ≥ 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        MnistDataset data = MnistLoader.fromSystem(line -> {
            out.println(line);
            out.flush();
        }).load();
        var trainDigits = limit > 0 && limit < data.train().count() ? data.train().slice(0, limit) : data.train();

        EngineSettings.threads(threads);
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) seed);
        Device device = engine.defaultDevice();
        out.printf(Locale.ROOT, "engine: %s %s on %s, %d intra-op threads%n",
                engine.getEngineName(), engine.getVersion(), device, threads);

        var block = Cnn.builder().addStage(ConvStage.of(10, 5)).addStage(ConvStage.of(20, 5)).setOutputs(10).build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.01f)).optMomentum(0.5f).build())
                .optDevices(new Device[] {device});
        try (Model model = Model.newInstance("cnn-lenet", device, "PyTorch");
                var manager = model.getNDManager().newSubManager()) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(config);
                    DeviceDigits train = DeviceDigits.upload(manager, trainDigits, DeviceDigits.MNIST_MEAN, DeviceDigits.MNIST_STD);
                    DeviceDigits test = DeviceDigits.upload(manager, data.test(), DeviceDigits.MNIST_MEAN, DeviceDigits.MNIST_STD)) {
                trainer.initialize(new Shape(1, 1, 28, 28));
                EpochStats last = null;
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    EpochStats stats = TrainingLoop.trainEpoch(trainer, train, batchSize, seed * 1_000_003L + epoch, null);
                    last = TrainingLoop.evaluate(trainer, test, 1000);
                    out.printf(Locale.ROOT, "epoch %d/%d: %d digits in %.1f s, train loss %.4f, train accuracy %.4f,"
                            + " test accuracy %.4f%n", epoch, epochs, stats.samples(), stats.seconds(), stats.loss(),
                            stats.accuracy(), last.accuracy());
                    out.flush();
                }
                out.printf(Locale.ROOT, "test accuracy: %.4f on %d test digits (data: %s)%n",
                        last.accuracy(), last.samples(), data.source());
            }
        }
        return 0;
    }
}
