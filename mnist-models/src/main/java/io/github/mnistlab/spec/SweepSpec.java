package io.github.mnistlab.spec;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * One sweep as data: the MLP lab's k × m grid, the LeNet lab's depth × kernel grid, or an ablation of
 * an improved preset (its lab's spec, each improvement alone, then all of them), from a preset.
 * The library's {@code sweep --spec FILE} reads it (see {@link SpecFiles#readSweep}); the Maven
 * plugin's {@code <sweep>} is mapped onto it and validated by {@link #validate()} before any fork.
 *
 * <pre>{@code {"kind": "mlp", "k": [1, 2, 3], "m": "10:100:10", "epochs": 3}}</pre>
 *
 * @param kind    which grid
 * @param preset  the preset every point starts from; null: {@code mlp} or {@code cnn-lenet}; an
 *                ablation names the improved preset ({@code mlp-plus}, {@code cnn-plus}, …), null:
 *                {@code cnn-plus}
 * @param k       mlp: hidden layer counts, each 1..3; default 1, 2, 3
 * @param m       mlp: units per hidden layer as {@code from:to:step}; default {@code 10:100:30}
 * @param depths  cnn: numbers of conv + pool stages; default 1, 2, 3
 * @param kernels cnn: kernel sizes; default 3, 5, 7
 * @param epochs  epochs per point; null keeps the preset's
 * @param limit   training digits per point (0 = all); null keeps the preset's
 * @param seed    seed of every point; null keeps the preset's
 */
public record SweepSpec(Kind kind, String preset, List<Integer> k, String m, List<Integer> depths,
        List<Integer> kernels, Integer epochs, Integer limit, Long seed) {

    /** The two grids of the labs, and the ablation of an improved preset. */
    public enum Kind {
        /** The MLP lab: k hidden layers × m units. */
        @SerializedName("mlp") MLP,
        /** The LeNet lab: conv depth × kernel size. */
        @SerializedName("cnn") CNN,
        /** What each change of an improved preset buys: its lab's spec, each change alone, all of them. */
        @SerializedName("ablation") ABLATION;

        /** {@code mlp}, {@code cnn} or {@code ablation}, as written in configuration. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code mlp}, {@code cnn} or {@code ablation}, case-insensitively; the message names the value and the choices. */
        public static Kind parse(String value) {
            String id = value == null ? "" : value.strip();
            for (Kind kind : values()) {
                if (kind.name().equalsIgnoreCase(id)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("kind is '" + value + "', expected mlp, cnn or ablation");
        }
    }

    public SweepSpec {
        if (kind == null) {
            throw new IllegalArgumentException("kind is missing, expected mlp, cnn or ablation");
        }
        k = k == null || k.isEmpty() ? (kind == Kind.MLP ? List.of(1, 2, 3) : List.of()) : List.copyOf(k);
        m = m == null ? (kind == Kind.MLP ? "10:100:30" : null) : m.strip();
        depths = depths == null || depths.isEmpty() ? (kind == Kind.CNN ? List.of(1, 2, 3) : List.of())
                : List.copyOf(depths);
        kernels = kernels == null || kernels.isEmpty() ? (kind == Kind.CNN ? List.of(3, 5, 7) : List.of())
                : List.copyOf(kernels);
    }

    /**
     * Checks every value, the grid's points included (each point's spec is validated, so a depth ×
     * kernel that does not fit a digit is named here, before any training).
     *
     * @throws IllegalArgumentException naming the first bad value and what was expected
     */
    public SweepSpec validate() {
        switch (kind) {
            case MLP -> {
                if (!depths.isEmpty() || !kernels.isEmpty()) {
                    throw new IllegalArgumentException("<depths> and <kernels> belong to kind cnn; an mlp sweep"
                            + " varies <k> and <m>");
                }
                k.forEach(v -> {
                    if (v < 1 || v > ExperimentSpec.MAX_MLP_HIDDEN_LAYERS) {
                        throw new IllegalArgumentException("k contains " + v + ", expected 1 ≤ k ≤ "
                                + ExperimentSpec.MAX_MLP_HIDDEN_LAYERS + " hidden layers");
                    }
                });
                try {
                    Sweeps.range(m);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("m is '" + m + "', expected from:to:step with 1 ≤ from ≤ to"
                            + " and step ≥ 1, e.g. 10:100:10");
                }
            }
            case CNN -> {
                if (!k.isEmpty() || m != null) {
                    throw new IllegalArgumentException("<k> and <m> belong to kind mlp; a cnn sweep varies <depths>"
                            + " and <kernels>");
                }
                positive("depths", depths);
                positive("kernels", kernels);
            }
            case ABLATION -> {
                if (!k.isEmpty() || m != null || !depths.isEmpty() || !kernels.isEmpty()) {
                    throw new IllegalArgumentException("<k>, <m>, <depths> and <kernels> belong to kinds mlp and cnn;"
                            + " an ablation takes an improved <preset>: one of " + String.join(", ", Presets.improvedIds()));
                }
                if (!Presets.improvedIds().contains(base().preset())) {
                    throw new IllegalArgumentException("an ablation needs an improved preset; preset '" + preset
                            + "' has no improvements. Use one of " + String.join(", ", Presets.improvedIds()));
                }
                if (base().model() == ModelKind.ADDER_TRANSFER) {
                    throw new IllegalArgumentException("preset " + preset + " reuses a trained classifier, which a sweep"
                            + " cannot name; ablate cnn-plus (the classifier it reuses) or adder-scratch-plus instead");
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        if (epochs != null && epochs < 1) {
            throw new IllegalArgumentException("epochs is " + epochs + ", expected ≥ 1");
        }
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("limit is " + limit + ", expected 0 (all) or a positive count");
        }
        points();
        return this;
    }

    /** The preset the points start from, with this sweep's epochs, limit and seed. */
    public ExperimentSpec base() {
        return Presets.get(preset != null ? preset : switch (kind) {
            case MLP -> "mlp";
            case CNN -> "cnn-lenet";
            case ABLATION -> "cnn-plus";
        }).toBuilder().overrides(epochs, limit, seed).build();
    }

    /** The sweep's points, each validated, with this sweep's epochs, limit and seed. */
    public List<SweepPoint> points() {
        return points(b -> b.overrides(epochs, limit, seed));
    }

    /**
     * The sweep's points, each validated, with {@code overrides} (e.g. a command line's epochs) applied
     * to every point's spec last, so they win over a change of the grid or the ablation.
     */
    public List<SweepPoint> points(UnaryOperator<ExperimentSpec.Builder> overrides) {
        ExperimentSpec from = overrides.apply(base().toBuilder()).build();
        return switch (kind) {
            case MLP -> Sweeps.mlp(from, k, Sweeps.range(m));
            case CNN -> Sweeps.cnn(from, depths, kernels);
            case ABLATION -> Sweeps.ablation(base().preset(), overrides);
        };
    }

    /** This sweep with other epochs and limit, where they are not null (the build's quick-mode overrides). */
    public SweepSpec withOverrides(Integer epochs, Integer limit) {
        return new SweepSpec(kind, preset, k, m, depths, kernels, epochs != null ? epochs : this.epochs,
                limit != null ? limit : this.limit, seed);
    }

    private static void positive(String name, List<Integer> values) {
        values.forEach(v -> {
            if (v < 1) {
                throw new IllegalArgumentException(name + " contains " + v + ", expected values ≥ 1");
            }
        });
    }
}
