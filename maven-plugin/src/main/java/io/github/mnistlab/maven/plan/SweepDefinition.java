package io.github.mnistlab.maven.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One sweep of the library ({@code sweep} command): an MLP's depth k × width m, or a CNN's number of
 * conv stages × kernel size, one run per point.
 *
 * @param id      the sweep's name and directory ({@code target/lab/sweeps/<id>})
 * @param kind    {@code mlp} or {@code cnn}
 * @param preset  the preset every point starts from, or null for the library's default
 * @param k       mlp: hidden layer counts, each 1..3
 * @param m       mlp: hidden widths as {@code from:to:step}
 * @param depths  cnn: numbers of conv+pool stages
 * @param kernels cnn: kernel sizes
 * @param epochs  epochs per point, or null
 * @param limit   training digits per point, or null
 * @param seed    seed, or null
 */
public record SweepDefinition(String id, String kind, String preset, List<Integer> k, String m, List<Integer> depths,
        List<Integer> kernels, Integer epochs, Integer limit, Long seed) {
    /** The file the library writes last into a sweep directory. */
    public static final String SWEEP_FILE = "sweep.json";
    private static final Pattern RANGE = Pattern.compile("(\\d+):(\\d+):(\\d+)");

    public SweepDefinition {
        k = k == null ? List.of() : List.copyOf(k);
        depths = depths == null ? List.of() : List.copyOf(depths);
        kernels = kernels == null ? List.of() : List.copyOf(kernels);
    }

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the sweep and the first bad value
     */
    public SweepDefinition validate() {
        Ids.check("sweep", id);
        String where = "sweep '" + id + "': ";
        String kindId = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
        switch (kindId) {
            case "mlp" -> {
                if (!depths.isEmpty() || !kernels.isEmpty()) {
                    throw new IllegalArgumentException(where + "<depths> and <kernels> belong to kind cnn; an mlp"
                            + " sweep varies <k> and <m>");
                }
                k.forEach(v -> {
                    if (v < 1 || v > 3) {
                        throw new IllegalArgumentException(where + "k contains " + v + ", expected 1 ≤ k ≤ 3 hidden layers");
                    }
                });
                if (m != null) {
                    Matcher range = RANGE.matcher(m.strip());
                    if (!range.matches() || Integer.parseInt(range.group(1)) < 1
                            || Integer.parseInt(range.group(2)) < Integer.parseInt(range.group(1))
                            || Integer.parseInt(range.group(3)) < 1) {
                        throw new IllegalArgumentException(where + "m is '" + m + "', expected from:to:step with"
                                + " 1 ≤ from ≤ to and step ≥ 1, e.g. 10:100:10");
                    }
                }
            }
            case "cnn" -> {
                if (!k.isEmpty() || m != null) {
                    throw new IllegalArgumentException(where + "<k> and <m> belong to kind mlp; a cnn sweep varies"
                            + " <depths> and <kernels>");
                }
                positive(where, "depths", depths);
                positive(where, "kernels", kernels);
            }
            default -> throw new IllegalArgumentException(where + "kind is '" + kind + "', expected mlp or cnn");
        }
        if (epochs != null && epochs < 1) {
            throw new IllegalArgumentException(where + "epochs is " + epochs + ", expected ≥ 1");
        }
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException(where + "limit is " + limit + ", expected 0 (all) or a positive count");
        }
        return this;
    }

    private static void positive(String where, String name, List<Integer> values) {
        values.forEach(v -> {
            if (v < 1) {
                throw new IllegalArgumentException(where + name + " contains " + v + ", expected values ≥ 1");
            }
        });
    }

    /** The options that define the sweep's results (what its up-to-date fingerprint covers). */
    public List<String> options(Overrides overrides) {
        List<String> options = new ArrayList<>(List.of("--kind", kind.strip().toLowerCase(Locale.ROOT)));
        add(options, "--preset", preset);
        add(options, "--k", join(k));
        add(options, "--m", m == null ? null : m.strip());
        add(options, "--depths", join(depths));
        add(options, "--kernels", join(kernels));
        add(options, "--epochs", overrides.epochs() != null ? overrides.epochs() : epochs);
        add(options, "--limit", overrides.limit() != null ? overrides.limit() : limit);
        add(options, "--seed", seed);
        return options;
    }

    /** The command line's arguments: {@code sweep --out DIR --device D} and {@link #options}. */
    public List<String> arguments(Overrides overrides, Path out, String device) {
        List<String> arguments = new ArrayList<>(List.of("sweep"));
        arguments.addAll(options(overrides));
        arguments.addAll(List.of("--out", out.toString(), "--device", device));
        return arguments;
    }

    private static void add(List<String> options, String name, Object value) {
        if (value != null) {
            options.add(name);
            options.add(value.toString());
        }
    }

    private static String join(List<Integer> values) {
        return values.isEmpty() ? null : values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
