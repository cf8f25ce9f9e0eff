package io.github.mnistlab.run;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.mnistlab.data.DataSplits;
import io.github.mnistlab.data.DigitPairs;
import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.eval.Evaluation;
import io.github.mnistlab.model.PairBlock;
import io.github.mnistlab.record.EpochRecord;
import io.github.mnistlab.record.EpochsCsv;
import io.github.mnistlab.record.LibraryVersion;
import io.github.mnistlab.record.LossSeries;
import io.github.mnistlab.record.Provenance;
import io.github.mnistlab.record.RunPictures;
import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunRecords;
import io.github.mnistlab.record.RunStatus;
import io.github.mnistlab.record.StepEvent;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.ModelKind;
import io.github.mnistlab.train.CrossEntropy;
import io.github.mnistlab.train.DeviceDigits;
import io.github.mnistlab.train.DevicePairs;
import io.github.mnistlab.train.DeviceSet;
import io.github.mnistlab.train.DivergedException;
import io.github.mnistlab.train.EngineMemory;
import io.github.mnistlab.train.EpochStats;
import io.github.mnistlab.train.IterationListener;
import io.github.mnistlab.train.Predictions;
import io.github.mnistlab.train.TorchDefaultInit;
import io.github.mnistlab.train.TrainingLoop;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains one spec on the device and writes its run directory: {@code run.json} and the kept
 * parameters, following the MLP lab's {@link BestValidationProtocol}.
 */
public final class ExperimentRunner {
    /** File name of the kept parameters in a run directory (DJL's block parameter format). */
    public static final String PARAMETERS_FILE = "model.params";
    private static final int EVAL_BATCH = 1000;
    private static final int KEPT_MISTAKES = 50;

    private final DeviceChoice deviceChoice;
    private final Consumer<String> progress;
    private final double progressSeconds;

    private ExperimentRunner(DeviceChoice deviceChoice, Consumer<String> progress, double progressSeconds) {
        this.deviceChoice = deviceChoice;
        this.progress = progress;
        this.progressSeconds = progressSeconds;
    }

    /** A runner on {@code device} that reports a line per epoch, and within long epochs every {@code seconds}. */
    public static ExperimentRunner create(DeviceChoice device, Consumer<String> progress, double seconds) {
        return new ExperimentRunner(device, progress, seconds);
    }

    /**
     * Trains {@code spec} as run {@code id} and writes {@code runDir/run.json} and its parameters.
     * A diverging run is recorded with status {@code diverged} and its message, then reported by a
     * {@link DivergedException}.
     */
    public RunRecord run(String id, ExperimentSpec spec, MnistDataset data, Path runDir) {
        spec.validate();
        checkWritable(runDir);
        Instant started = Instant.now();
        DataSplits splits = DataSplits.of(data, spec.validationSize(), spec.limit(), spec.seed());
        if (spec.model() == ModelKind.MLP_SCRATCH) {
            return new ScratchRunner(progress).run(id, spec, splits, data, runDir, started);
        }
        Engine engine = Engine.getEngine("PyTorch");
        EngineMemory.Fill fill = EngineMemory.ensure();
        Device device = deviceChoice.resolve(engine);
        engine.setRandomSeed((int) spec.seed());
        Provenance provenance = provenance(spec, data, engine.getEngineName() + " " + engine.getVersion(),
                device.toString(), started, fill.id());
        try (Model model = Model.newInstance(id, device, "PyTorch")) {
            NDManager manager = model.getNDManager();
            Block block = ModelFactory.block(spec, manager);
            model.setBlock(block);
            int stepsPerEpoch = (splits.train().count() + spec.batchSize() - 1) / spec.batchSize();
            DefaultTrainingConfig config = ModelFactory.trainingConfig(spec, device, stepsPerEpoch);
            try (Trainer trainer = model.newTrainer(config);
                    DeviceDigits train = upload(manager, splits.train(), spec);
                    DeviceDigits validation = splits.hasValidation() ? upload(manager, splits.validation(), spec) : null;
                    DeviceDigits test = upload(manager, splits.test(), spec)) {
                trainer.initialize(ModelFactory.inputShapes(spec));
                // A transfer adder keeps its loaded classifier; only its new head starts afresh.
                TorchDefaultInit.apply(block instanceof PairBlock pair && spec.model() == ModelKind.ADDER_TRANSFER
                        ? pair.head() : block, manager);
                return new Session(id, spec, trainer, config.getOptimizer(), block, provenance, runDir, splits, train, validation, test).train();
            }
        }
    }

    /** Fails before any training when the run directory cannot be written, naming it. */
    static void checkWritable(Path runDir) {
        try {
            java.nio.file.Files.createDirectories(runDir);
            java.nio.file.Files.deleteIfExists(java.nio.file.Files.createTempFile(runDir, ".probe-", ".tmp"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("the run directory " + runDir + " cannot be written (" + e
                    + "); choose another output directory or fix its permissions");
        }
    }

    private static DeviceDigits upload(NDManager manager, io.github.mnistlab.data.DigitImages digits, ExperimentSpec spec) {
        return DeviceDigits.upload(manager, digits, spec.normalizeMean(), spec.normalizeStd());
    }


    static Provenance provenance(ExperimentSpec spec, MnistDataset data, String engine, String device, Instant started,
            String allocatorFill) {
        Map<String, String> sums = new LinkedHashMap<>();
        data.sha256().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sums.put(e.getKey().fileName(), e.getValue()));
        int threads = Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
        return new Provenance(spec.seed(), LibraryVersion.get(), Engine.getDjlVersion(), engine, device, threads,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), data.source(), sums,
                started.toString(), allocatorFill);
    }

    /** The progress line of a finished epoch. */
    static String epochLine(String id, int totalEpochs, EpochRecord r, boolean improved) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "[%s] epoch %d/%d: train loss %.4f error %.2f%%", id, r.epoch(), totalEpochs, r.trainLoss(),
                100 * r.trainError()));
        if (r.validationError() != null) {
            sb.append(String.format(Locale.ROOT, ", validation error %.2f%%%s", 100 * r.validationError(),
                    improved ? " (best so far)" : ""));
        }
        if (r.testError() != null) {
            sb.append(String.format(Locale.ROOT, ", test error %.2f%%", 100 * r.testError()));
        }
        return sb.append(String.format(Locale.ROOT, ", %.1f s", r.seconds())).toString();
    }

    /** The warning of a step the step check did not apply as first computed, naming its kind. */
    static String eventLine(String id, StepEvent event) {
        return "[" + id + "] warning: " + event.describe();
    }

    /** The closing progress line of a run. */
    static String doneLine(RunRecord r, Path runDir) {
        return String.format(Locale.ROOT, "[%s] done: test accuracy %.4f (best epoch %d of %d), %.1f s training, %s%s",
                r.id(), r.test().accuracy(), r.bestEpoch(), r.spec().epochs(), r.trainingSeconds(),
                r.skippedSteps() + r.recomputedSteps() == 0 ? ""
                        : r.skippedSteps() + " skipped and " + r.recomputedSteps() + " recomputed steps, ",
                runDir.resolve(RunRecords.FILE_NAME));
    }

    /** Builds the record of a run and writes it atomically. */
    static RunRecord writeRecord(Path runDir, String id, ExperimentSpec spec, RunStatus status, String message,
            Provenance provenance, long parameterCount, List<EpochRecord> epochs, LossSeries losses, int bestEpoch,
            double trainingSeconds, Evaluation evaluation, String parametersFile, List<StepEvent> events,
            RunPictures pictures) {
        RunRecord record = new RunRecord(RunRecord.SCHEMA_VERSION, id, spec.preset(), status, message, spec,
                provenance, parameterCount, epochs, losses, bestEpoch, trainingSeconds, evaluation,
                evaluation == null ? null : parametersFile,
                (int) events.stream().filter(e -> !e.skipped()).count(),
                (int) events.stream().filter(StepEvent::skipped).count(), events, pictures);
        try {
            RunRecords.write(runDir, record);
            RunRecords.writeAtomically(runDir.resolve(EpochsCsv.FILE_NAME), EpochsCsv.of(record).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + runDir.resolve(RunRecords.FILE_NAME), e);
        }
        return record;
    }

    /** The state of one training run. */
    private final class Session {
        private final String id;
        private final ExperimentSpec spec;
        private final Trainer trainer;
        private final Optimizer optimizer;
        private final Block block;
        private final Provenance provenance;
        private final Path runDir;
        private final DataSplits splits;
        private final DeviceDigits train;
        private final DeviceDigits validation;
        private final DeviceDigits test;
        private final BestValidationProtocol protocol = new BestValidationProtocol();
        private final LossRecorder losses;
        private final ConvPictures pictures;
        private NDManager keptManager;
        private List<NDArray> kept;
        private final List<StepEvent> events = new ArrayList<>();

        Session(String id, ExperimentSpec spec, Trainer trainer, Optimizer optimizer, Block block, Provenance provenance, Path runDir,
                DataSplits splits, DeviceDigits train, DeviceDigits validation, DeviceDigits test) {
            this.splits = splits;
            this.id = id;
            this.spec = spec;
            this.trainer = trainer;
            this.optimizer = optimizer;
            this.block = block;
            this.provenance = provenance;
            this.runDir = runDir;
            this.train = train;
            this.validation = validation;
            this.test = test;
            this.losses = new LossRecorder(spec.lossEvery());
            this.pictures = spec.model() == ModelKind.CNN ? new ConvPictures(block, spec) : null;
        }

        RunRecord train() {
            boolean adder = spec.model().isAdder();
            long parameterCount = ModelFactory.parameterCount(block);
            progress.accept("[" + id + "] " + spec.preset() + ": " + parameterCount + " parameters, "
                    + train.count() + " training " + (adder ? "pairs" : "digits") + " per epoch, "
                    + (validation == null ? "no validation set" : validation.count() + " validation")
                    + ", " + test.count() + " test, on " + provenance.device());
            try (DevicePairs validationPairs = adder && validation != null
                            ? new DevicePairs(validation, DigitPairs.draw(splits.validation(), spec.validationPairSeed())) : null;
                    DevicePairs testPairs = adder ? new DevicePairs(test, DigitPairs.draw(splits.test(), spec.testPairSeed())) : null) {
                DeviceSet validationSet = adder ? validationPairs : validation;
                DeviceSet testSet = adder ? testPairs : test;
                if (pictures != null) {
                    pictures.snapshot(0, 0);
                }
                try {
                    protocol.run(id, spec, batchesPerEpoch(), new BestValidationProtocol.Engine() {
                        @Override
                        public EpochStats trainEpoch(int epoch, long firstIteration) {
                            return trainOneEpoch(epoch, firstIteration, adder);
                        }

                        @Override
                        public EpochStats validate() {
                            return validationSet == null ? null : TrainingLoop.evaluate(trainer, validationSet, EVAL_BATCH);
                        }

                        @Override
                        public EpochStats test() {
                            return TrainingLoop.evaluate(trainer, testSet, EVAL_BATCH);
                        }

                        @Override
                        public void keep() {
                            Session.this.keep();
                        }
                    }, progress);
                } catch (DivergedException e) {
                    writeRecord(RunStatus.DIVERGED, e.getMessage(), parameterCount, null, null);
                    throw e;
                }
                restoreKept();
                Predictions p = TrainingLoop.predict(trainer, testSet, EVAL_BATCH);
                Evaluation evaluation = Evaluation.of(spec.classes(), p.actual(), p.predicted(), p.confidence(),
                        p.loss(), KEPT_MISTAKES);
                saveParameters();
                RunPictures drawn = pictures == null ? null
                        : pictures.write(runDir, protocol.bestEpoch(), test.images(), splits.test());
                RunRecord record = writeRecord(RunStatus.COMPLETE, null, parameterCount, evaluation, drawn);
                progress.accept(doneLine(record, runDir));
                return record;
            }
        }

        private int batchesPerEpoch() {
            return (train.count() + spec.batchSize() - 1) / spec.batchSize();
        }

        private EpochStats trainOneEpoch(int epoch, long firstIteration, boolean adder) {
            long epochSeed = spec.epochSeed(epoch);
            int batches = batchesPerEpoch();
            long[] lastReport = {System.nanoTime()};
            IterationListener listener = new IterationListener() {
                @Override
                public void onIteration(long iteration, float loss) {
                    losses.add(loss);
                    long now = System.nanoTime();
                    if ((now - lastReport[0]) / 1e9 >= progressSeconds) {
                        lastReport[0] = now;
                        long done = iteration - firstIteration;
                        progress.accept(String.format(Locale.ROOT, "[%s] epoch %d/%d: %d%% (%d/%d batches), loss %.4f",
                                id, epoch, spec.epochs(), 100 * done / batches, done, batches, loss));
                    }
                }

                @Override
                public void onStepEvent(StepEvent event) {
                    events.add(event);
                    progress.accept(eventLine(id, event));
                }
            };
            EpochStats stats;
            if (adder) {
                try (DevicePairs pairs = new DevicePairs(train, DigitPairs.draw(splits.train(), epochSeed))) {
                    stats = TrainingLoop.trainEpoch(trainer, optimizer, augmented(pairs), spec.batchSize(), epochSeed,
                            firstIteration, listener);
                }
            } else {
                stats = TrainingLoop.trainEpoch(trainer, optimizer, augmented(train), spec.batchSize(), epochSeed,
                        firstIteration, listener);
            }
            if (pictures != null) {
                pictures.snapshot(epoch, firstIteration + batches);
            }
            return stats;
        }

        /** The training set as the epoch sees it: augmented when the spec shifts or turns its images. */
        private DeviceSet augmented(DeviceSet set) {
            return spec.augments() ? ModelFactory.augmentation(spec).over(set) : set;
        }

        /** Copies the parameters on the device, replacing the previous copy. */
        private void keep() {
            NDManager next = trainer.getManager().newSubManager();
            List<NDArray> copies = new ArrayList<>();
            for (var entry : block.getParameters()) {
                NDArray copy = entry.getValue().getArray().duplicate();
                copy.attach(next);
                copies.add(copy);
            }
            if (keptManager != null) {
                keptManager.close();
            }
            keptManager = next;
            kept = copies;
        }

        /** Writes the kept copy back into the live parameters, in place (the trainer holds these arrays). */
        private void restoreKept() {
            int i = 0;
            for (var entry : block.getParameters()) {
                entry.getValue().getArray().muli(0).addi(kept.get(i++));
            }
            keptManager.close();
        }

        private void saveParameters() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                block.saveParameters(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                java.nio.file.Files.createDirectories(runDir);
                RunRecords.writeAtomically(runDir.resolve(PARAMETERS_FILE), bytes.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + runDir.resolve(PARAMETERS_FILE), e);
            }
        }

        private RunRecord writeRecord(RunStatus status, String message, long parameterCount, Evaluation evaluation,
                RunPictures drawn) {
            return ExperimentRunner.writeRecord(runDir, id, spec, status, message, provenance, parameterCount,
                    protocol.epochs(), losses.series(), protocol.bestEpoch(), protocol.trainingSeconds(), evaluation,
                    PARAMETERS_FILE, events, drawn);
        }
    }
}
