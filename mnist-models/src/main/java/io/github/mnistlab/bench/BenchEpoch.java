package io.github.mnistlab.bench;


/**
 * One epoch of a benchmark: how long the training pass took and what it computed.
 *
 * @param epoch   1-based, counting warm-up epochs
 * @param warmup  whether the epoch only warmed up (and is not a measurement)
 * @param seconds wall-clock time of the training pass alone (shuffle, batches, optimizer steps)
 * @param samples digits (or pairs) trained on
 * @param loss    mean training loss, to check that the peers train the same network alike
 * @param recomputedSteps steps computed twice for a non-finite gradient (see {@code TrainingLoop})
 * @param skippedSteps steps not applied for a non-finite gradient
 */
public record BenchEpoch(int epoch, boolean warmup, double seconds, int samples, double loss, int recomputedSteps,
        int skippedSteps) {
    /** Training throughput. */
    public double samplesPerSecond() {
        return samples / seconds;
    }
}
