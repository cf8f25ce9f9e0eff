package io.github.mnistlab.bench;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.record.StepEvent;
import io.github.mnistlab.run.TrainingTrace;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.ModelKind;
import io.github.mnistlab.spec.Presets;
import io.github.mnistlab.train.EngineMemory;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stress}: trains a preset's network for many steps and counts the step check's events by
 * kind, printing one machine-readable {@code STRESS key=value…} line. {@code bench/stress} runs it in
 * many processes under the settings that provoke the engine's faults and tabulates events per 10,000
 * steps; a single process is one sample, not a measurement.
 */
@Command(name = "stress", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a preset for --steps steps and count the step check's events (prints a STRESS line).")
public final class StressCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    TraceOptions trace;

    @Option(names = "--seed", description = "Override: the preset's seed.")
    Long seed;

    @Mixin
    FirstConvOption firstConv;

    @Option(names = "--inject-every", paramLabel = "N",
            description = "Positive control: a NaN gradient on every N-th training step (a block in front of the network).")
    Integer injectEvery;

    @Override
    public Integer call() {
        boolean unfold = firstConv.unfold();
        ExperimentSpec s = Presets.get(trace.preset()).toBuilder().overrides(null, null, seed).build().validate();
        boolean mlp = s.model() == ModelKind.MLP;
        int intraOp = trace.applyThreads(s);
        PrintWriter out = spec.commandLine().getOut();
        MnistDataset data = TraceOptions.load(out);
        if (injectEvery != null && injectEvery < 2) {
            throw new IllegalArgumentException("--inject-every is " + injectEvery + ", expected 2 or more");
        }
        UnaryOperator<Block> around = injectEvery == null ? b -> b
                : b -> new SequentialBlock().add(new FaultInjector(injectEvery)).add(b);
        TrainingTrace run = TrainingTrace.of(s, data, trace.steps(), unfold, around, event -> {
            out.println("# event " + event.describe());
            out.flush();
        });
        Map<StepEvent.Kind, Long> byKind = run.events().stream()
                .collect(Collectors.groupingBy(StepEvent::kind, Collectors.counting()));
        Function<StepEvent.Kind, Long> count = k -> byKind.getOrDefault(k, 0L);
        out.printf(Locale.ROOT, "STRESS preset=%s first_conv=%s fill=%s injected_every=%s threads=%d seed=%d steps=%d events=%d"
                        + " non_finite=%d loss_spikes=%d gradient_spikes=%d skipped=%d diverged=%s seconds=%.1f%n",
                trace.preset(), mlp ? "none" : firstConv.id(), EngineMemory.applied().id(),
                injectEvery == null ? "0" : injectEvery, intraOp, s.seed(), run.steps(),
                run.events().size(), count.apply(StepEvent.Kind.NON_FINITE_GRADIENT),
                count.apply(StepEvent.Kind.LOSS_SPIKE), count.apply(StepEvent.Kind.GRADIENT_SPIKE),
                run.events().stream().filter(StepEvent::skipped).count(), run.divergence() != null, run.seconds());
        if (run.divergence() != null) {
            out.println("# diverged: " + run.divergence());
        }
        out.flush();
        return 0;
    }
}
