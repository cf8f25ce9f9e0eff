package io.github.mnistlab.bench;


/**
 * What a benchmark is about to time, reported once before its first epoch.
 *
 * @param workload  the workload's id
 * @param impl      the implementation's id ({@code djl} or {@code scratch})
 * @param engine    the engine and its version, e.g. {@code PyTorch-2.7.1}
 * @param batchSize samples per step
 * @param batches   steps per epoch
 * @param samples   digits (or pairs) per epoch
 */
public record BenchSetup(String workload, String impl, String engine, int batchSize, int batches, int samples) {
}
