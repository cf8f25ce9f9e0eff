package io.github.mnistlab.maven.plan;

import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.ModelKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The experiments to train, checked and in an order where each reused ({@code pretrained}) run is
 * trained before the experiment that reuses it. Everything is checked before anything trains: ids,
 * references, presets and values, so a bad POM fails in a second instead of after an hour.
 */
public final class ExperimentPlan {
    private final List<PlannedExperiment> experiments;

    private ExperimentPlan(List<PlannedExperiment> experiments) {
        this.experiments = List.copyOf(experiments);
    }

    /** The experiments in training order. */
    public List<PlannedExperiment> experiments() {
        return experiments;
    }

    /**
     * Checks and orders {@code definitions}.
     *
     * @param selection   ids to train ({@code lab.experiments}); empty means all. The runs a selected
     *                    experiment reuses are added.
     * @param runLocation the run directory of an id, as the trainer should find it (written into the
     *                    spec's {@code pretrained})
     * @throws IllegalArgumentException naming the first bad experiment and value
     */
    public static ExperimentPlan of(List<ExperimentDefinition> definitions, Overrides overrides,
            Collection<String> selection, Function<String, String> runLocation) {
        Map<String, ExperimentDefinition> byId = new LinkedHashMap<>();
        for (ExperimentDefinition d : definitions) {
            Ids.check("experiment", d.id());
            if (byId.putIfAbsent(d.id(), d) != null) {
                throw new IllegalArgumentException("experiment id '" + d.id() + "' is declared twice; ids must be unique");
            }
        }
        for (ExperimentDefinition d : byId.values()) {
            if (d.pretrained() != null && !byId.containsKey(d.pretrained())) {
                throw new IllegalArgumentException("experiment '" + d.id() + "': pretrained '" + d.pretrained()
                        + "' is not an experiment id; known ids: " + String.join(", ", byId.keySet()));
            }
        }
        Map<String, ExperimentSpec> specs = new LinkedHashMap<>();
        for (ExperimentDefinition d : byId.values()) {
            specs.put(d.id(), SpecMapping.resolve(d, overrides,
                    d.pretrained() == null ? null : runLocation.apply(d.pretrained())));
        }
        for (ExperimentDefinition d : byId.values()) {
            if (d.pretrained() != null) {
                ModelKind reused = specs.get(d.pretrained()).model();
                if (reused != ModelKind.CNN && reused != ModelKind.MLP) {
                    throw new IllegalArgumentException("experiment '" + d.id() + "': pretrained '" + d.pretrained()
                            + "' trains model " + SpecMapping.modelId(reused) + ", not a digit classifier; reuse an"
                            + " experiment of preset cnn-lenet, cnn-small, cnn-wide or mlp");
                }
            }
        }
        Set<String> wanted = wanted(byId, selection);
        List<PlannedExperiment> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String id : byId.keySet()) {
            visit(id, byId, specs, wanted, selection, done, ordered);
        }
        return new ExperimentPlan(ordered);
    }

    /** The selected ids plus every run they reuse, directly or not. */
    private static Set<String> wanted(Map<String, ExperimentDefinition> byId, Collection<String> selection) {
        if (selection.isEmpty()) {
            return byId.keySet();
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String id : selection) {
            if (!byId.containsKey(id)) {
                throw new IllegalArgumentException("lab.experiments names '" + id + "', which is not an experiment id;"
                        + " known ids: " + String.join(", ", byId.keySet()));
            }
            String next = id;
            while (next != null && wanted.add(next)) {
                next = byId.get(next).pretrained();
            }
        }
        return wanted;
    }

    /**
     * Depth-first: a reused run is placed before its user, declaration order is kept otherwise.
     * There is no cycle to guard against: only a transfer adder reuses a run, and the run it reuses
     * was checked to be a digit classifier, which reuses none.
     */
    private static void visit(String id, Map<String, ExperimentDefinition> byId, Map<String, ExperimentSpec> specs,
            Set<String> wanted, Collection<String> selection, Set<String> done, List<PlannedExperiment> ordered) {
        if (!wanted.contains(id) || !done.add(id)) {
            return;
        }
        ExperimentDefinition d = byId.get(id);
        if (d.pretrained() != null) {
            visit(d.pretrained(), byId, specs, wanted, selection, done, ordered);
        }
        ordered.add(new PlannedExperiment(d, specs.get(id), !selection.isEmpty() && !selection.contains(id)));
    }
}
