package io.github.mnistlab.maven;

import com.google.gson.JsonObject;
import io.github.mnistlab.maven.plan.ExperimentPlan;
import io.github.mnistlab.maven.plan.Overrides;
import io.github.mnistlab.maven.plan.SweepDefinition;
import io.github.mnistlab.maven.plan.WorkUnits;
import io.github.mnistlab.spec.LabJson;
import io.github.mnistlab.spec.SweepPoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the lab's work as units for a CI matrix (GitHub Actions {@code strategy.matrix}, a GitLab
 * {@code parallel:matrix}): one JSON line {@code {"include": [...]}} in which every experiment appears
 * once, grouped with the runs it builds on, and every sweep point is a unit of its own. Each unit
 * carries the goal and options a job runs (e.g. {@code lab:train -Dlab.experiments=digits,sum-transfer}
 * or {@code lab:sweep -Dlab.sweeps=mlp-k-m -Dlab.sweepPoints=k1-m10}); a merge job then renders the
 * report from every job's runs ({@code lab.runDirectories}, {@code lab.sweepDirectories}). The same
 * JSON is written to {@code target/lab/matrix.json}. Nothing is trained.
 *
 * <pre>{@code mvn -B -q lab:matrix}</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "matrix", threadSafe = true)
public class MatrixMojo extends AbstractLabMojo {
    /** The experiments, as for {@code train}. */
    @Parameter
    private List<Experiment> experiments;

    /** The sweeps, as for {@code sweep}. */
    @Parameter
    private List<Sweep> sweeps;

    @Override
    protected void executeLab() throws MojoExecutionException, MojoFailureException {
        ExperimentPlan plan = ExperimentPlan.of(experiments == null ? List.of()
                : experiments.stream().map(Experiment::toDefinition).toList(), Overrides.NONE, List.of(), id -> id);
        Map<String, List<String>> points = new LinkedHashMap<>();
        for (Sweep sweep : sweeps == null ? List.<Sweep>of() : sweeps) {
            SweepDefinition d = sweep.toDefinition();
            points.put(d.id(), d.spec().points().stream().map(SweepPoint::id).toList());
        }
        JsonObject matrix = new JsonObject();
        matrix.add("include", LabJson.gson().toJsonTree(WorkUnits.of(plan, points)));
        String json = matrix.toString();
        write(lab().matrix(), json + "\n");
        // one line on standard output, for a CI step to capture (e.g. into $GITHUB_OUTPUT)
        System.out.println(json);
    }
}
