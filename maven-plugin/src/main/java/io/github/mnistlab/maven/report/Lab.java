package io.github.mnistlab.maven.report;

import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.SweepRecord;
import io.github.mnistlab.spec.Presets;
import io.github.mnistlab.spec.SweepSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The five labs the product reproduces, in the course's order, each with its presets, its sweep kind
 * and the test accuracy the lab's own write-up reports for each preset (where it gives one). The
 * report has a section per lab that has runs.
 */
enum Lab {
    /** The feed-forward net, its scratch twin and the k × m sweep. */
    MLP("mlp", List.of("mlp", "mlp-scratch"), "mlp", Map.of("mlp", 0.943, "mlp-scratch", 0.943)),
    /** The small CNN, its error curves, kernels and feature maps. */
    SMALL_CNN("small-cnn", List.of("cnn-small"), null, Map.of("cnn-small", 0.974)),
    /** The LeNet-style CNN, its loss per iteration and the depth × kernel sweep. */
    LENET("lenet", List.of("cnn-lenet"), "cnn", Map.of("cnn-lenet", 0.9891)),
    /** The wide CNN with precision, recall and the data overview. */
    WIDE_CNN("wide-cnn", List.of("cnn-wide"), null, Map.of()),
    /** The digit adders, transfer and from scratch, on one chart. */
    ADDER("adder", List.of("adder-transfer", "adder-scratch"), null, Map.of("adder-transfer", 0.96, "adder-scratch", 0.94));

    private final String id;
    private final List<String> presets;
    private final String sweepKind;
    private final Map<String, Double> reference;

    Lab(String id, List<String> presets, String sweepKind, Map<String, Double> reference) {
        this.id = id;
        this.presets = presets;
        this.sweepKind = sweepKind;
        this.reference = reference;
    }

    /** The section's anchor and the key of its words ({@code lab.<id>.title}, {@code lab.<id>.goal}). */
    String id() {
        return id;
    }

    /**
     * The lab a run belongs to, by the preset it started from; an improved preset ({@code cnn-plus})
     * belongs to its lab's ({@code cnn-lenet}). Null for a preset this library does not know.
     */
    static Lab of(RunRecord run) {
        return ofPreset(run.preset());
    }

    /** The lab of {@code preset} (an improved one: its lab's), or null. */
    static Lab ofPreset(String preset) {
        if (preset == null || !Presets.ids().contains(preset)) {
            return null;
        }
        String faithful = Presets.lab(preset);
        for (Lab lab : values()) {
            if (lab.presets.contains(faithful)) {
                return lab;
            }
        }
        return null;
    }

    /** Whether {@code sweep} belongs to this lab: a grid of its kind, or an ablation of one of its improved presets. */
    boolean has(SweepRecord sweep) {
        return SweepSpec.Kind.ABLATION.id().equals(sweep.kind()) ? ofPreset(sweep.preset()) == this
                : sweep.kind() != null && sweep.kind().equals(sweepKind);
    }

    /**
     * The test accuracy the lab's write-up reports for {@code preset} (for an improved preset: for its
     * lab's), if it gives one.
     */
    Optional<Double> reference(String preset) {
        return Optional.ofNullable(reference.get(Presets.ids().contains(preset) ? Presets.lab(preset) : preset));
    }
}
