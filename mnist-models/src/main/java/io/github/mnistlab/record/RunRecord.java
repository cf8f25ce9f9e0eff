package io.github.mnistlab.record;

import io.github.mnistlab.eval.Evaluation;
import io.github.mnistlab.spec.ExperimentSpec;
import java.util.List;

/**
 * The record of one run, written as {@code run.json} (schema {@value #SCHEMA_VERSION}; see
 * {@code RunRecords} for the file format). It carries the full spec and its provenance, every
 * epoch's numbers, the loss per iteration, the best epoch and the test evaluation of the kept
 * (best) parameters.
 *
 * @param schemaVersion  {@value #SCHEMA_VERSION}
 * @param id             the run's name, also its directory name
 * @param preset         the preset the spec started from
 * @param status         {@code complete}, or {@code diverged} when the loss became NaN or infinite
 * @param message        why the run stopped early, or null
 * @param spec           the full spec trained
 * @param provenance     where and how it ran
 * @param parameterCount trainable parameters of the model
 * @param epochs         one entry per finished epoch
 * @param iterationLoss  training loss over iterations
 * @param bestEpoch      the epoch whose parameters were kept (best validation accuracy; the last epoch without validation)
 * @param trainingSeconds total training seconds (training passes only)
 * @param test           evaluation of the kept parameters on the test set (digits or sums)
 * @param parametersFile the kept parameters' file name, beside run.json
 * @param recomputedSteps all training steps computed twice because the step check found them out of line
 *                       (see {@code TrainingLoop}) and applied the second time, including those of an epoch
 *                       cut short by divergence
 * @param skippedSteps   all training steps not applied because they were out of line twice
 * @param stepEvents     every such step, with its kind (empty in records written before this field existed)
 * @param pictures       a CNN run's kernel and feature-map pictures (schema 2; none in schema 1 records)
 */
public record RunRecord(int schemaVersion, String id, String preset, RunStatus status, String message,
        ExperimentSpec spec, Provenance provenance, long parameterCount, List<EpochRecord> epochs,
        LossSeries iterationLoss, int bestEpoch, double trainingSeconds, Evaluation test, String parametersFile,
        int recomputedSteps, int skippedSteps, List<StepEvent> stepEvents, RunPictures pictures) {
    /** The version of the run.json layout this library writes and reads. */
    public static final int SCHEMA_VERSION = 2;

    /** The oldest layout this library still reads (schema 1: without pictures). */
    public static final int OLDEST_READABLE_SCHEMA = 1;

    public RunRecord {
        epochs = List.copyOf(epochs);
        stepEvents = stepEvents == null ? List.of() : List.copyOf(stepEvents);
        pictures = pictures == null ? RunPictures.NONE : pictures;
    }
}
