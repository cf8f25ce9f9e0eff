package io.github.mnistlab.record;

import java.util.Map;

/**
 * Where a run came from: enough to reproduce it and to judge its timings.
 *
 * @param seed           the spec's seed
 * @param library        mnist-models version
 * @param djl            DJL version
 * @param engine         engine name and version, e.g. {@code PyTorch 2.7.1}, or {@code scratch (plain Java)}
 * @param device         the device trained on, e.g. {@code cpu()} or {@code gpu(0)}
 * @param threads        intra-op threads of the engine
 * @param cores          processors available to the JVM
 * @param java           Java runtime version
 * @param os             operating system and architecture
 * @param dataSource     where MNIST was read from
 * @param dataSha256     SHA-256 of each MNIST file, by file name
 * @param startedAt      ISO-8601 instant the run started
 * @param allocatorFill  what libtorch's fresh CPU allocations held ({@code zero}, the fix; {@code none};
 *                       {@code junk}, a NaN pattern), see {@code EngineMemory}; null for the scratch engine
 *                       and in records written before this field existed
 */
public record Provenance(long seed, String library, String djl, String engine, String device, int threads, int cores,
        String java, String os, String dataSource, Map<String, String> dataSha256, String startedAt,
        String allocatorFill) {
}
