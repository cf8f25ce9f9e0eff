package io.github.mnistlab.maven.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab's work split into units a CI matrix can run in parallel jobs: each experiment once, in a
 * unit with the experiments it builds on ({@code pretrained}) or that build on it, and each sweep
 * point on its own. Every unit says the goal and the options a job runs it with.
 */
public final class WorkUnits {
    /**
     * One job's work.
     *
     * @param name        a short name for the job, e.g. {@code digits+sum-transfer} or {@code mlp-k-m/k1-m10}
     * @param goal        {@code lab:train} or {@code lab:sweep}
     * @param experiments the experiments (comma-separated, in training order), or empty
     * @param sweep       the sweep, or empty
     * @param points      the sweep's point, or empty
     * @param args        the goal and its options, as a job passes them to mvn
     */
    public record Unit(String name, String goal, String experiments, String sweep, String points, String args) {
    }

    private WorkUnits() {
    }

    /**
     * The units of {@code plan} and {@code sweeps}.
     *
     * @param sweeps the sweeps, each with its point ids in order
     */
    public static List<Unit> of(ExperimentPlan plan, Map<String, List<String>> sweeps) {
        // each experiment joins the group of the run it builds on; plan order trains the reused run first
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Map<String, List<String>> groupOf = new LinkedHashMap<>();
        for (PlannedExperiment e : plan.experiments()) {
            String pretrained = e.definition().pretrained();
            List<String> group = pretrained != null && groupOf.containsKey(pretrained) ? groupOf.get(pretrained)
                    : groups.computeIfAbsent(e.id(), id -> new ArrayList<>());
            group.add(e.id());
            groupOf.put(e.id(), group);
        }
        List<Unit> units = new ArrayList<>();
        for (List<String> group : groups.values()) {
            String ids = String.join(",", group);
            units.add(new Unit(String.join("+", group), "lab:train", ids, "", "", "lab:train -Dlab.experiments=" + ids));
        }
        sweeps.forEach((sweep, points) -> points.forEach(point -> units.add(new Unit(sweep + "/" + point, "lab:sweep", "",
                sweep, point, "lab:sweep -Dlab.sweeps=" + sweep + " -Dlab.sweepPoints=" + point))));
        return units;
    }
}
