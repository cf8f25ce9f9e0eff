package io.github.mnistlab.spec;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Locale;

/**
 * One sweep as data: the MLP lab's k × m grid or the LeNet lab's depth × kernel grid, from a preset.
 * The library's {@code sweep --spec FILE} reads it (see {@link SpecFiles#readSweep}); the Maven
 * plugin's {@code <sweep>} is mapped onto it and validated by {@link #validate()} before any fork.
 *
 * <pre>{@code {"kind": "mlp", "k": [1, 2, 3], "m": "10:100:10", "epochs": 3}}</pre>
 *
 * @param kind    which grid
 * @param preset  the preset every point starts from; null: {@code mlp} or {@code cnn-lenet}
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

    /** The two grids of the labs. */
    public enum Kind {
        /** The MLP lab: k hidden layers × m units. */
        @SerializedName("mlp") MLP,
        /** The LeNet lab: conv depth × kernel size. */
        @SerializedName("cnn") CNN;

        /** {@code mlp} or {@code cnn}, as written in configuration. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code mlp} or {@code cnn}, case-insensitively; the message names the value and both choices. */
        public static Kind parse(String value) {
            String id = value == null ? "" : value.strip();
            for (Kind kind : values()) {
                if (kind.name().equalsIgnoreCase(id)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("kind is '" + value + "', expected mlp or cnn");
        }
    }

    public SweepSpec {
        if (kind == null) {
            throw new IllegalArgumentException("kind is missing, expected mlp or cnn");
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
        return Presets.get(preset != null ? preset : kind == Kind.MLP ? "mlp" : "cnn-lenet").toBuilder()
                .overrides(epochs, limit, seed).build();
    }

    /** The grid's points from {@link #base()}, each validated. */
    public List<SweepPoint> points() {
        return points(base());
    }

    /** The grid's points from {@code base} (e.g. {@link #base()} with a command line's overrides). */
    public List<SweepPoint> points(ExperimentSpec base) {
        return kind == Kind.MLP ? Sweeps.mlp(base, k, Sweeps.range(m)) : Sweeps.cnn(base, depths, kernels);
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
