package io.github.mnistlab.cli;

import io.github.mnistlab.bench.TraceOptions;
import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.run.TrainingTrace;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.Presets;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code verify}: trains a preset's first steps twice in this process, from the same seed, and
 * compares the two loss series bit for bit. Same seed, machine and threads must give the same record;
 * a difference means a step computed garbage (the engine read memory nobody wrote, or a kernel is not
 * deterministic), which no accuracy number would show. Exit status 0 when identical, 1 when not.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a preset's first steps twice and compare the losses bit for bit (exit 1 on a difference).")
final class VerifyCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    TraceOptions trace;

    @Override
    public Integer call() {
        ExperimentSpec s = Presets.get(trace.preset());
        String preset = trace.preset();
        int steps = trace.steps();
        int intraOp = trace.applyThreads(s);
        PrintWriter out = spec.commandLine().getOut();
        MnistDataset data = TraceOptions.load(out);
        TrainingTrace first = TrainingTrace.of(s, data, steps, true, b -> b, e -> out.println("# first run, " + e.describe()));
        TrainingTrace second = TrainingTrace.of(s, data, steps, true, b -> b, e -> out.println("# second run, " + e.describe()));
        int at = first.firstDifference(second);
        if (at == 0) {
            out.printf(Locale.ROOT, "verify %s: %d steps on %d thread(s) gave identical losses twice (last %.6f)%n",
                    preset, first.steps(), intraOp, first.losses()[first.steps() - 1]);
            out.flush();
            return 0;
        }
        String a = at <= first.steps() ? Float.toString(first.losses()[at - 1]) : "(not run)";
        String b = at <= second.steps() ? Float.toString(second.losses()[at - 1]) : "(not run)";
        out.printf(Locale.ROOT, "verify %s: the two runs differ first at step %d of %d: loss %s, then %s; the engine"
                + " computed garbage or is not deterministic on this machine (see docs/engine-faults.md)%n",
                preset, at, steps, a, b);
        out.flush();
        return 1;
    }
}
