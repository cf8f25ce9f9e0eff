package io.github.mnistlab.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The labs' sweeps as lists of specs: the MLP lab's k × m grid (k hidden layers of m units each, at the
 * base spec's fixed learning rate) and the LeNet lab's conv depth × kernel size grid.
 */
public final class Sweeps {
    private Sweeps() {
    }

    /** {@code from:to:step} (inclusive), or a single number; all ≥ 1. */
    public static List<Integer> range(String text) {
        String[] parts = text.strip().split(":");
        try {
            int from = Integer.parseInt(parts[0].strip());
            int to = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : from;
            int step = parts.length > 2 ? Integer.parseInt(parts[2].strip()) : 1;
            if (parts.length > 3 || from < 1 || to < from || step < 1) {
                throw new NumberFormatException();
            }
            List<Integer> values = new ArrayList<>();
            for (int v = from; v <= to; v += step) {
                values.add(v);
            }
            return values;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("range '" + text + "' is not from:to:step with 1 ≤ from ≤ to and step ≥ 1,"
                    + " e.g. 10:100:10");
        }
    }

    /** A comma-separated list of positive integers, e.g. {@code 1,2,3}. */
    public static List<Integer> list(String text) {
        List<Integer> values = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                int v = Integer.parseInt(part.strip());
                if (v < 1) {
                    throw new NumberFormatException();
                }
                values.add(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("list '" + text + "' must hold positive integers separated by commas,"
                        + " e.g. 1,2,3");
            }
        }
        return values;
    }

    /** The MLP lab's grid: for each k and m, k hidden layers of m units; ids {@code k2-m30}. */
    public static List<SweepPoint> mlp(ExperimentSpec base, List<Integer> ks, List<Integer> ms) {
        List<SweepPoint> points = new ArrayList<>();
        for (int k : ks) {
            for (int m : ms) {
                ExperimentSpec spec = base.toBuilder().hidden(Collections.nCopies(k, m)).build().validate();
                points.add(new SweepPoint("k" + k + "-m" + m, spec, ordered("k", k, "m", m)));
            }
        }
        return points;
    }

    /**
     * The LeNet lab's grid: {@code depth} conv + pool stages of the given kernel size, channels 10, 20,
     * 40…, "same" padding so that three stages still fit a 28×28 digit; ids {@code d2-k5}. A
     * combination that does not fit is an error naming it.
     */
    public static List<SweepPoint> cnn(ExperimentSpec base, List<Integer> depths, List<Integer> kernels) {
        List<SweepPoint> points = new ArrayList<>();
        for (int depth : depths) {
            for (int kernel : kernels) {
                List<ConvStage> stages = new ArrayList<>();
                for (int i = 0; i < depth; i++) {
                    stages.add(new ConvStage(10 << i, kernel, kernel / 2, 2));
                }
                ExperimentSpec spec;
                try {
                    spec = base.toBuilder().stages(stages).build().validate();
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("sweep point depth " + depth + ", kernel " + kernel
                            + " does not fit: " + e.getMessage(), e);
                }
                points.add(new SweepPoint("d" + depth + "-k" + kernel, spec, ordered("depth", depth, "kernel", kernel)));
            }
        }
        return points;
    }

    /** The id of an ablation's point with every change of the improved preset. */
    public static final String ALL_CHANGES = "all";

    /**
     * The ablation of an improved preset: its lab's spec (id {@code lab}), the lab's spec with each
     * change alone (id: the change's id, e.g. {@code batch-norm}), and with all changes (id
     * {@value #ALL_CHANGES}, the improved preset itself). Each point's coordinate {@code changes} counts
     * the changes it has; {@code overrides} apply last to every point.
     */
    public static List<SweepPoint> ablation(String improvedPreset, UnaryOperator<ExperimentSpec.Builder> overrides) {
        List<Improvement> changes = Presets.improvements(improvedPreset);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("preset '" + improvedPreset + "' has no improvements to ablate; use one of "
                    + String.join(", ", Presets.improvedIds()));
        }
        ExperimentSpec lab = Presets.get(Presets.lab(improvedPreset));
        List<SweepPoint> points = new ArrayList<>();
        points.add(point("lab", lab, overrides, 0));
        for (Improvement change : changes) {
            points.add(point(change.id(), change.applyTo(lab), overrides, 1));
        }
        points.add(point(ALL_CHANGES, Presets.get(improvedPreset), overrides, changes.size()));
        return points;
    }

    private static SweepPoint point(String id, ExperimentSpec spec, UnaryOperator<ExperimentSpec.Builder> overrides,
            int changes) {
        return new SweepPoint(id, overrides.apply(spec.toBuilder()).build().validate(), Map.of("changes", changes));
    }

    private static Map<String, Integer> ordered(String a, int va, String b, int vb) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(a, va);
        m.put(b, vb);
        return m;
    }
}
