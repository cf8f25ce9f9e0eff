package io.github.mnistlab.spec;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One change an improved ({@code -plus}) preset makes to its lab's faithful spec. The preset is the
 * lab's spec with all of its changes; an ablation ({@link SweepSpec.Kind#ABLATION}) trains the lab's
 * spec with each change alone, then with all of them.
 *
 * @param id          names the change in an ablation's run ids, e.g. {@code batch-norm}
 * @param description what changes, in words, e.g. {@code batch normalization after each convolution}
 * @param change      applies the change to a builder of the lab's spec
 */
public record Improvement(String id, String description, UnaryOperator<ExperimentSpec.Builder> change) {
    public Improvement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(change, "change");
    }

    /** {@code spec} with this change. */
    public ExperimentSpec applyTo(ExperimentSpec spec) {
        return change.apply(spec.toBuilder()).build();
    }
}
