package io.github.mnistlab.bench;

import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.data.MnistLoader;
import io.github.mnistlab.run.EngineSettings;
import io.github.mnistlab.train.EngineMemory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: times training epochs of one workload and prints one machine-readable
 * {@code BENCH key=value…} line per timed epoch, then the process's peak resident memory.
 * {@code bench/run} alternates it with the PyTorch peer ({@code bench/reference.py}) and turns the
 * lines into a table of ratios; a single run is not a comparison.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time training epochs of a workload (prints BENCH lines; bench/run compares them with PyTorch).")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--workload", required = true,
            description = "mlp30-b10, mlp30-b64, mlp128-adam, lenet, wide, adder-transfer or scratch-b10.")
    String workload;

    @Option(names = "--repeats", defaultValue = "3", description = "Timed epochs (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed epochs first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--batches", description = "Batches per epoch (default: the whole set; wide: 200).")
    Integer batches;

    @Option(names = "--threads", description = "Engine intra-op threads (default: 1 for MLPs, 2 for CNNs).")
    Integer threads;

    @Mixin
    FirstConvOption firstConv;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "Record libtorch's operators during the timed epochs: a Chrome trace to FILE, and the"
                    + " operators with the most self time as comment lines.")
    Path profile;

    /** Operators listed after a profiled run. */
    static final int PROFILE_ROWS = 25;

    @Override
    public Integer call() throws IOException {
        BenchWorkload w = BenchWorkload.parse(workload);
        boolean unfold = firstConv.unfold();
        EpochBenchmark.Builder builder = EpochBenchmark.builder().setWorkload(w).optWarmup(warmup).optRepeats(repeats)
                .optUnfoldFirstConv(unfold);
        if (batches != null) {
            builder.optBatches(batches);
        }
        EpochBenchmark benchmark = builder.build();
        int intraOp = EngineSettings.threads(threads, w.isMlp());
        EngineSettings.threads(intraOp);
        if (profile != null && w.impl() == BenchWorkload.Impl.SCRATCH) {
            throw new IllegalArgumentException("--profile records libtorch's operators; " + w.id()
                    + " runs on the framework-free engine, profile mlp30-b10 (its DJL peer) instead");
        }

        PrintWriter out = spec.commandLine().getOut();
        MnistDataset data = MnistLoader.fromSystem(line -> {
            out.println("# " + line);
            out.flush();
        }).load();
        String prefix = "BENCH workload=" + w.id() + " impl=" + w.impl().id();
        benchmark.run(data, new EpochBenchmark.Listener() {
            @Override
            public void onStart(BenchSetup s) {
                if (profile != null && warmup == 0) {
                    OperatorProfile.start();
                }
                out.printf(Locale.ROOT, "%s engine=%s fill=%s first_conv=%s threads=%d batch=%d batches=%d images=%d"
                        + " warmup=%d repeats=%d%n", prefix, s.engine(),
                        EngineMemory.applied() == null ? "none" : EngineMemory.applied().id(), firstConv.id(), w.impl() == BenchWorkload.Impl.SCRATCH ? 1 : intraOp, s.batchSize(),
                        s.batches(), s.samples(), warmup, repeats);
                out.flush();
            }

            @Override
            public void onEpoch(BenchEpoch e) {
                // Warm-up epochs are comments, so that every BENCH line with epoch_s is a measurement.
                out.printf(Locale.ROOT, "%s%s epoch=%d epoch_s=%.3f images=%d images_per_s=%.1f loss=%.4f"
                        + " recomputed_steps=%d skipped_steps=%d%n", e.warmup() ? "# warmup " : "", prefix, e.epoch(),
                        e.seconds(), e.samples(), e.samplesPerSecond(), e.loss(), e.recomputedSteps(), e.skippedSteps());
                out.flush();
                if (profile != null && e.epoch() == warmup && repeats > 0) {
                    OperatorProfile.start();
                }
            }
        });
        if (profile != null) {
            printProfile(out, OperatorProfile.stop(profile));
        }
        OptionalLong peak = peakRssKb();
        out.println(prefix + " peak_rss_kb=" + (peak.isPresent() ? Long.toString(peak.getAsLong()) : "unknown"));
        out.flush();
        return 0;
    }

    private void printProfile(PrintWriter out, List<OperatorProfile.OperatorTime> operators) {
        double total = operators.stream().mapToDouble(OperatorProfile.OperatorTime::selfMillis).sum();
        out.printf(Locale.ROOT, "# profile: %s (Chrome trace of the %d timed epoch(s)); self time %.1f ms in all%n",
                profile, repeats, total);
        out.println("# self_ms     share    calls  operator");
        for (OperatorProfile.OperatorTime op : operators.subList(0, Math.min(PROFILE_ROWS, operators.size()))) {
            out.printf(Locale.ROOT, "# %9.1f  %6.1f%%  %7d  %s%n", op.selfMillis(), 100 * op.selfMillis() / total,
                    op.calls(), op.name());
        }
        out.flush();
    }

    /** The process's peak resident set size ({@code VmHWM}), where Linux reports it. */
    static OptionalLong peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or an unexpected format: the memory figure is optional.
        }
        return OptionalLong.empty();
    }
}
