package io.github.mnistlab.run;

import io.github.mnistlab.data.DataSplits;
import io.github.mnistlab.data.DigitImages;
import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.eval.Evaluation;
import io.github.mnistlab.record.Provenance;
import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunRecords;
import io.github.mnistlab.record.RunStatus;
import io.github.mnistlab.scratch.ScratchMlp;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.train.DivergedException;
import io.github.mnistlab.train.EpochStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Trains the {@code mlp-scratch} preset on the framework-free engine with the same protocol and the
 * same record as the DJL runs, so the report can set the two side by side.
 */
final class ScratchRunner {
    /** File name of the scratch engine's parameters in a run directory. */
    static final String PARAMETERS_FILE = "model.scratch";

    private final Consumer<String> progress;

    ScratchRunner(Consumer<String> progress) {
        this.progress = progress;
    }

    RunRecord run(String id, ExperimentSpec spec, DataSplits splits, MnistDataset data, Path runDir, Instant started) {
        Provenance provenance = ExperimentRunner.provenance(spec, data, "scratch (plain Java)", "cpu (1 thread)", started, null);
        float[] trainX = DigitImages.normalize(splits.train().pixels(), spec.normalizeMean(), spec.normalizeStd());
        float[] validationX = splits.hasValidation() ? DigitImages.normalize(splits.validation().pixels(), spec.normalizeMean(), spec.normalizeStd()) : null;
        float[] testX = DigitImages.normalize(splits.test().pixels(), spec.normalizeMean(), spec.normalizeStd());
        ScratchMlp net = ModelFactory.scratch(spec);
        progress.accept("[" + id + "] " + spec.preset() + ": " + net.parameterCount() + " parameters, "
                + splits.train().count() + " training digits per epoch, on the scratch engine");

        LossRecorder losses = new LossRecorder(spec.lossEvery());
        int n = splits.train().count();
        int batches = (n + spec.batchSize() - 1) / spec.batchSize();
        ScratchMlp[] kept = new ScratchMlp[1];
        BestValidationProtocol protocol = new BestValidationProtocol();
        try {
            protocol.run(id, spec, batches, new BestValidationProtocol.Engine() {
                @Override
                public EpochStats trainEpoch(int epoch, long firstIteration) {
                    EpochStats stats = net.trainEpoch(trainX, splits.train().labels(), n, spec.batchSize(),
                            spec.learningRate(), spec.weightDecay(), spec.epochSeed(epoch),
                            (iteration, loss) -> losses.add(loss));
                    if (!Double.isFinite(stats.loss())) {
                        throw new DivergedException(firstIteration + batches, (float) stats.loss());
                    }
                    return stats;
                }

                @Override
                public EpochStats validate() {
                    return validationX == null ? null
                            : net.evaluate(validationX, splits.validation().labels(), splits.validation().count());
                }

                @Override
                public EpochStats test() {
                    return net.evaluate(testX, splits.test().labels(), splits.test().count());
                }

                @Override
                public void keep() {
                    kept[0] = net.copy();
                }
            }, progress);
        } catch (DivergedException e) {
            ExperimentRunner.writeRecord(runDir, id, spec, RunStatus.DIVERGED, e.getMessage(), provenance,
                    net.parameterCount(), protocol.epochs(), losses.series(), protocol.bestEpoch(),
                    protocol.trainingSeconds(), null, PARAMETERS_FILE, List.of(), null);
            throw e;
        }
        Evaluation evaluation = evaluate(kept[0], testX, splits.test());
        save(kept[0], runDir);
        RunRecord record = ExperimentRunner.writeRecord(runDir, id, spec, RunStatus.COMPLETE, null, provenance,
                kept[0].parameterCount(), protocol.epochs(), losses.series(), protocol.bestEpoch(),
                protocol.trainingSeconds(), evaluation, PARAMETERS_FILE, List.of(), null);
        progress.accept(ExperimentRunner.doneLine(record, runDir));
        return record;
    }

    private static Evaluation evaluate(ScratchMlp net, float[] x, DigitImages set) {
        int n = set.count();
        float[] probs = net.predictProbabilities(x, n);
        int[] predicted = new int[n];
        float[] confidence = new float[n];
        int[] actual = new int[n];
        for (int i = 0; i < n; i++) {
            int arg = Evaluation.argMax(probs, i, 10);
            predicted[i] = arg;
            confidence[i] = probs[i * 10 + arg];
            actual[i] = set.label(i);
        }
        double loss = net.evaluate(x, set.labels(), n).loss();
        return Evaluation.of(10, actual, predicted, confidence, loss, 50);
    }

    private static void save(ScratchMlp net, Path runDir) {
        try {
            RunRecords.writeAtomically(runDir.resolve(PARAMETERS_FILE), net.toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + runDir.resolve(PARAMETERS_FILE), e);
        }
    }

}
