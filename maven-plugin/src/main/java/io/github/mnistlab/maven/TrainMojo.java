package io.github.mnistlab.maven;

import io.github.mnistlab.maven.plan.ExperimentPlan;
import io.github.mnistlab.maven.plan.Overrides;
import io.github.mnistlab.maven.plan.PlannedExperiment;
import io.github.mnistlab.maven.plan.Progress;
import io.github.mnistlab.maven.plan.UpToDate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Trains the experiments, each in a forked JVM, into {@code target/lab/runs/<id>/} ({@code run.json}
 * and the kept parameters). Every experiment is checked before the first one trains; an experiment
 * reusing another's run ({@code pretrained}) trains after it. A run whose spec, library and reused
 * run are unchanged is not trained again.
 *
 * @since 0.1.0
 */
@Mojo(name = "train", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class TrainMojo extends AbstractTrainingMojo {
    /**
     * The experiments. Each starts from a preset and may change any of its values.
     *
     * <pre>{@code
     * <experiments>
     *   <experiment><id>digits</id><preset>cnn-lenet</preset><epochs>3</epochs></experiment>
     *   <experiment><id>sum-transfer</id><preset>adder-transfer</preset><pretrained>digits</pretrained></experiment>
     *   <experiment><id>sum-scratch</id><preset>adder-scratch</preset></experiment>
     * </experiments>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private List<Experiment> experiments;

    /**
     * Trains only these experiments (comma-separated ids) and the runs they reuse, e.g. to split the
     * lab over CI jobs; default: all.
     *
     * <pre>{@code mvn verify -Dlab.experiments=sum-transfer,sum-scratch}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.experiments")
    private List<String> selectedExperiments;

    @Override
    protected void executeLab() throws MojoExecutionException, MojoFailureException {
        if (experiments == null || experiments.isEmpty()) {
            getLog().info("No <experiments> configured: nothing to train.");
            return;
        }
        Overrides overrides = overrides();
        ExperimentPlan plan = ExperimentPlan.of(experiments.stream().map(Experiment::toDefinition).toList(),
                overrides, Selection.of(selectedExperiments).ids(),
                id -> project().getBasedir().toPath().relativize(runsDirectory().resolve(id)).toString());
        TrainerFork trainer = trainerFork();
        LibraryClasspath classpath = trainer.classpath();
        List<String> trained = new ArrayList<>();
        List<String> upToDate = new ArrayList<>();
        Progress progress = new Progress(plan.experiments().stream().map(PlannedExperiment::spec).toList());
        for (int index = 0; index < plan.experiments().size(); index++) {
            PlannedExperiment experiment = plan.experiments().get(index);
            String id = experiment.id();
            Path runDir = runsDirectory().resolve(id);
            Path specFile = write(lab().spec(id), experiment.specJson());
            String pretrained = experiment.definition().pretrained();
            String fingerprint = UpToDate.fingerprint(experiment.specJson(), classpath.library(),
                    pretrained == null ? null : runsDirectory().resolve(pretrained));
            UpToDate.Decision decision = UpToDate.ofRun(runDir, fingerprint, force());
            if (!decision.train()) {
                getLog().info("[" + id + "] up to date, not retrained");
                progress.skipped(index);
                upToDate.add(id);
                continue;
            }
            getLog().info("[" + id + "] training " + experiment.spec().preset() + " (" + decision.reason()
                    + (experiment.neededOnly() ? "; a selected experiment reuses it" : "") + "), "
                    + progress.starting(index));
            long started = System.nanoTime();
            forkInto(runDir, fingerprint, trainer, device -> {
                List<String> arguments = new ArrayList<>(List.of("run", "--spec", specFile.toString(),
                        "--out", runDir.toString(), "--id", id, "--device", device));
                arguments.addAll(threadOptions());
                return arguments;
            }, "experiment '" + id + "'");
            progress.trained(index, (System.nanoTime() - started) / 1e9);
            trained.add(id);
        }
        getLog().info("Trained " + trained.size() + " run(s)" + (trained.isEmpty() ? "" : " " + trained)
                + ", " + upToDate.size() + " up to date" + (upToDate.isEmpty() ? "" : " " + upToDate)
                + "; runs in " + runsDirectory());
    }
}
