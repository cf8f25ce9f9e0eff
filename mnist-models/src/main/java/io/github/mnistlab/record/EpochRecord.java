package io.github.mnistlab.record;


/**
 * What one epoch measured. Validation values are null when no validation set is held out; test
 * values are present only for epochs where the test set was evaluated (the best-validation
 * protocol evaluates it only when validation accuracy improves).
 *
 * @param epoch          1-based
 * @param trainLoss      mean training loss over the epoch's batches (as trained, dropout on)
 * @param trainError     1 − training accuracy over the epoch's batches
 * @param validationLoss mean validation loss after the epoch
 * @param validationError 1 − validation accuracy after the epoch
 * @param testLoss       mean test loss, when evaluated
 * @param testError      1 − test accuracy, when evaluated
 * @param seconds        wall-clock seconds of the epoch's training pass
 * @param iterations     cumulative iterations (batches) at the end of the epoch
 * @param recomputedSteps steps the step check found out of line (a non-finite gradient, a loss or gradient
 *                       spike) and applied when computed again
 * @param skippedSteps   steps not applied because they were out of line twice (0 in records written before
 *                       this field existed)
 */
public record EpochRecord(int epoch, double trainLoss, double trainError, Double validationLoss,
        Double validationError, Double testLoss, Double testError, double seconds, long iterations,
        int recomputedSteps, int skippedSteps) {
}
