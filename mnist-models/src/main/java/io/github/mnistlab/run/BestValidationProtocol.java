package io.github.mnistlab.run;

import io.github.mnistlab.record.EpochRecord;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.train.EpochStats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The MLP lab's best-validation protocol, once for both engines (the DJL runner and the scratch
 * runner): after each epoch the validation set is evaluated, and only when its accuracy beats the best
 * so far is the test set evaluated and the parameters kept. Without a validation set the test set is
 * evaluated every epoch and the last epoch's parameters are kept. It records each epoch and reports
 * it on the progress line; when training diverges, what it recorded so far stays readable for the
 * run record.
 */
final class BestValidationProtocol {
    /** What the protocol asks of an engine. */
    interface Engine {
        /**
         * Trains one epoch.
         *
         * @param epoch          1-based
         * @param firstIteration batches trained before this epoch
         * @throws io.github.mnistlab.train.DivergedException when training diverges
         */
        EpochStats trainEpoch(int epoch, long firstIteration);

        /** Loss and accuracy on the validation set, or null when there is none. */
        EpochStats validate();

        /** Loss and accuracy on the test set. */
        EpochStats test();

        /** Keeps a copy of the current parameters as the best so far. */
        void keep();
    }

    private final List<EpochRecord> epochs = new ArrayList<>();
    private int bestEpoch;
    private long iterations;
    private double trainingSeconds;

    /**
     * Runs {@code spec.epochs()} epochs of {@code engine}.
     *
     * @param batchesPerEpoch training batches in one epoch (for the iteration count)
     */
    void run(String id, ExperimentSpec spec, int batchesPerEpoch, Engine engine, Consumer<String> progress) {
        double best = -1;
        for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
            EpochStats stats = engine.trainEpoch(epoch, iterations);
            iterations += batchesPerEpoch;
            trainingSeconds += stats.seconds();
            EpochStats v = engine.validate();
            EpochStats t = null;
            if (v == null || v.accuracy() > best) {
                best = v == null ? best : v.accuracy();
                bestEpoch = epoch;
                engine.keep();
                t = engine.test();
            }
            EpochRecord record = new EpochRecord(epoch, stats.loss(), stats.error(),
                    v == null ? null : v.loss(), v == null ? null : v.error(),
                    t == null ? null : t.loss(), t == null ? null : t.error(), stats.seconds(), iterations,
                    stats.recomputedSteps(), stats.skippedSteps());
            epochs.add(record);
            progress.accept(ExperimentRunner.epochLine(id, spec.epochs(), record, bestEpoch == epoch));
        }
    }

    /** The finished epochs. */
    List<EpochRecord> epochs() {
        return epochs;
    }

    /** The epoch whose parameters were kept, 0 before the first. */
    int bestEpoch() {
        return bestEpoch;
    }

    /** Batches trained in finished epochs. */
    long iterations() {
        return iterations;
    }

    /** Seconds of the finished epochs' training passes. */
    double trainingSeconds() {
        return trainingSeconds;
    }
}
