package io.github.mnistlab.maven;

import io.github.mnistlab.maven.plan.Overrides;
import io.github.mnistlab.maven.plan.SweepDefinition;
import io.github.mnistlab.maven.plan.UpToDate;
import io.github.mnistlab.spec.SweepPoint;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the library's sweeps in a forked JVM: an MLP's depth k × width m, or a CNN's number of conv
 * stages × kernel size. Each sweep writes one run per point into
 * {@code target/lab/sweeps/<id>/<point>/run.json} and its table into {@code sweep.json}. A sweep whose
 * settings and library are unchanged is not run again.
 *
 * @since 0.1.0
 */
@Mojo(name = "sweep", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class SweepMojo extends AbstractTrainingMojo {
    /**
     * The sweeps.
     *
     * <pre>{@code
     * <sweeps>
     *   <sweep><id>mlp-k-m</id><kind>mlp</kind><k>1,2,3</k><m>10:100:10</m></sweep>
     *   <sweep><id>lenet-depth-kernel</id><kind>cnn</kind><depths>1,2</depths><kernels>3,5</kernels></sweep>
     * </sweeps>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private List<Sweep> sweeps;

    /**
     * Runs only these sweeps (comma-separated ids); default: all.
     *
     * <pre>{@code mvn verify -Dlab.sweeps=mlp-k-m}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.sweeps")
    private List<String> selectedSweeps;

    /**
     * Runs only these points of the sweeps (comma-separated point ids, e.g. {@code k1-m10,k1-m40} or
     * {@code d2-k5}), for splitting a sweep over CI jobs; a sweep none of whose points is named is
     * left out. Points that have run before are kept, so a sweep also resumes where it stopped.
     * {@code sweep.json} is written once every point has run (here, or in {@code sweepDirectories}).
     *
     * <pre>{@code mvn verify -Dlab.sweeps=mlp-k-m -Dlab.sweepPoints=k1-m10,k1-m40}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.sweepPoints")
    private List<String> sweepPoints;

    /**
     * Sweep directories of other jobs (each holding {@code <sweep id>/<point>/run.json}, e.g.
     * {@code job-1/target/lab/sweeps}): their complete points are copied instead of trained again, so
     * a merge job builds each {@code sweep.json} from every job's points.
     *
     * <pre>{@code mvn lab:sweep lab:report -Dlab.sweepDirectories=job-1/target/lab/sweeps,job-2/target/lab/sweeps}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.sweepDirectories")
    private List<File> sweepDirectories;

    @Override
    protected void executeLab() throws MojoExecutionException, MojoFailureException {
        if (sweeps == null || sweeps.isEmpty()) {
            getLog().info("No <sweeps> configured: nothing to sweep.");
            return;
        }
        Selection selection = Selection.of(selectedSweeps);
        Overrides overrides = overrides();
        List<SweepDefinition> chosen = new ArrayList<>();
        for (Sweep sweep : sweeps) {
            SweepDefinition definition = sweep.toDefinition();
            if (!selection.leftOut(definition.id())) {
                chosen.add(definition);
            }
        }
        List<String> ids = sweeps.stream().map(Sweep::id).toList();
        for (String id : selection.ids()) {
            if (!ids.contains(id)) {
                throw new IllegalArgumentException("lab.sweeps names '" + id + "', which is not a sweep id;"
                        + " known ids: " + String.join(", ", ids));
            }
        }
        TrainerFork trainer = trainerFork();
        LibraryClasspath classpath = trainer.classpath();
        for (SweepDefinition sweep : chosen) {
            List<String> points = sweep.spec(overrides).points().stream().map(SweepPoint::id)
                    .filter(p -> sweepPoints != null && sweepPoints.contains(p)).toList();
            if (sweepPoints != null && !sweepPoints.isEmpty() && points.isEmpty()) {
                getLog().info("[" + sweep.id() + "] skipped: none of its points is among lab.sweepPoints");
                continue;
            }
            Path dir = lab().sweep(sweep.id());
            String specJson = sweep.specJson(overrides);
            String fingerprint = UpToDate.fingerprint(specJson, classpath.library(), null);
            UpToDate.Decision decision = UpToDate.ofOutput(dir, lab().sweepRecord(sweep.id()), fingerprint, force());
            if (!decision.train()) {
                getLog().info("[" + sweep.id() + "] up to date, not swept again");
                continue;
            }
            Path specFile = write(lab().sweepSpec(sweep.id()), specJson);
            getLog().info("[" + sweep.id() + "] sweeping " + sweep.spec().kind().id()
                    + " (" + decision.reason() + ")");
            forkInto(dir, fingerprint, trainer, device -> {
                List<String> arguments = new ArrayList<>(SweepDefinition.arguments(specFile, dir, device));
                if (!points.isEmpty()) {
                    arguments.addAll(List.of("--points", String.join(",", points)));
                }
                if (sweepDirectories != null && !sweepDirectories.isEmpty()) {
                    arguments.addAll(List.of("--from", sweepDirectories.stream()
                            .map(d -> projectPath(d.getPath()).resolve(sweep.id()).toString())
                            .collect(Collectors.joining(","))));
                }
                arguments.addAll(threadOptions());
                return arguments;
            }, "sweep '" + sweep.id() + "'");
        }
    }
}
