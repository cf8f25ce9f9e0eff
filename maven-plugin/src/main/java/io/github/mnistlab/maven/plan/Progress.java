package io.github.mnistlab.maven.plan;

import io.github.mnistlab.spec.Durations;
import io.github.mnistlab.spec.ExperimentSpec;
import java.util.List;
import java.util.Map;

/**
 * Where the train goal is in its whole list, for the progress line of each experiment:
 * {@code experiment 3 of 8, about 12 min left}. The time left weighs the experiments not yet done by
 * their epochs, training digits and network (seconds per digit-epoch measured on a 2-core reference
 * machine), scaled by how fast this machine trained the experiments done so far.
 */
public final class Progress {
    /** Seconds per 1,000 training digits (an adder: pairs) per epoch on the reference machine, by preset. */
    private static final Map<String, Double> SECONDS_PER_1000 = Map.ofEntries(Map.entry("mlp", 0.030),
            Map.entry("mlp-scratch", 0.010), Map.entry("cnn-small", 0.11), Map.entry("cnn-lenet", 0.10),
            Map.entry("cnn-wide", 0.62), Map.entry("adder-transfer", 0.075), Map.entry("adder-scratch", 0.18),
            Map.entry("mlp-plus", 0.11), Map.entry("cnn-plus", 0.39), Map.entry("adder-transfer-plus", 0.21),
            Map.entry("adder-scratch-plus", 0.62));
    private static final int TRAINING_DIGITS = 60_000;

    private final double[] costs;
    private double doneCost;
    private double doneSeconds;

    /** The progress of training {@code specs}, in this order. */
    public Progress(List<ExperimentSpec> specs) {
        costs = specs.stream().mapToDouble(Progress::cost).toArray();
    }

    /** The reference machine's seconds for {@code spec}'s training passes. */
    static double cost(ExperimentSpec spec) {
        int available = TRAINING_DIGITS - spec.validationSize();
        int digits = spec.limit() > 0 ? Math.min(spec.limit(), available) : available;
        return SECONDS_PER_1000.getOrDefault(spec.preset(), 0.1) * spec.epochs() * digits / 1000.0;
    }

    /** The line for starting experiment {@code index} (0-based). */
    public String starting(int index) {
        double left = 0;
        for (int i = index; i < costs.length; i++) {
            left += costs[i];
        }
        double speed = doneCost > 0 ? doneSeconds / doneCost : 1;
        return "experiment " + (index + 1) + " of " + costs.length + ", " + Durations.left(left * speed);
    }

    /** Experiment {@code index} trained in {@code seconds}; the next estimates follow this machine's speed. */
    public void trained(int index, double seconds) {
        doneCost += costs[index];
        doneSeconds += seconds;
    }

    /** Experiment {@code index} was up to date: it takes no time. */
    public void skipped(int index) {
        costs[index] = 0;
    }
}
