package io.github.mnistlab.maven;

import io.github.mnistlab.maven.results.CatalogedRun;
import io.github.mnistlab.maven.results.CheckResults;
import io.github.mnistlab.maven.results.RunCatalog;
import io.github.mnistlab.maven.results.Threshold;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks each run against its limits (minimum test accuracy, maximum training time). Every miss is
 * logged with the actual and the expected value; then the build fails once.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractRunsMojo {
    /**
     * The limits, one {@code <check>} per run.
     *
     * <pre>{@code
     * <checks>
     *   <check><run>digits</run><minTestAccuracy>0.97</minTestAccuracy></check>
     *   <check><run>sum-transfer</run><maxTrainingSeconds>600</maxTrainingSeconds></check>
     * </checks>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private List<Check> checks;

    /**
     * Fails the build when a limit is missed; when false, misses are only logged as warnings.
     *
     * <pre>{@code <haltOnFailure>false</haltOnFailure>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.haltOnFailure", defaultValue = "true")
    private boolean haltOnFailure;

    /**
     * The experiments this build trained ({@code lab.experiments}); a check of a run outside them that
     * this build cannot see is skipped instead of failing.
     *
     * <pre>{@code mvn verify -Dlab.experiments=digits}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.experiments")
    private List<String> selectedExperiments;

    @Override
    protected void executeLab() throws MojoExecutionException, MojoFailureException {
        if (checks == null || checks.isEmpty()) {
            getLog().info("No <checks> configured: nothing to check.");
            writeResults(List.of());
            return;
        }
        RunCatalog catalog = catalog();
        Selection selection = Selection.of(selectedExperiments);
        List<String> misses = new ArrayList<>();
        List<CheckResults.Outcome> outcomes = new ArrayList<>();
        int checked = 0;
        for (Check check : checks) {
            Threshold threshold = check.toThreshold();
            Optional<CatalogedRun> run = catalog.get(threshold.run());
            if (run.isPresent()) {
                List<String> missed = threshold.misses(run.get());
                misses.addAll(missed);
                outcomes.add(new CheckResults.Outcome(threshold, missed, null));
                checked++;
            } else if (selection.leftOut(threshold.run())) {
                getLog().info("Check of run '" + threshold.run() + "' skipped: it is not among lab.experiments");
                outcomes.add(new CheckResults.Outcome(threshold, List.of(), "run '" + threshold.run()
                        + "' is not among lab.experiments"));
            } else {
                String missing = "run '" + threshold.run() + "': no run record to check; known runs: "
                        + String.join(", ", catalog.ids());
                misses.add(missing);
                outcomes.add(CheckResults.Outcome.error(threshold, missing));
            }
        }
        writeResults(outcomes);
        if (misses.isEmpty()) {
            getLog().info("All lab checks have been met (" + checked + " run(s) checked).");
            return;
        }
        misses.forEach(m -> getLog().warn("Lab check not met: " + m));
        String message = "Lab checks have not been met: " + misses.size() + " miss(es). See the log for details.";
        if (haltOnFailure) {
            throw new MojoFailureException(message);
        }
        getLog().warn(message);
    }

    private void writeResults(List<CheckResults.Outcome> outcomes) throws MojoExecutionException {
        try {
            Path report = CheckResults.write(outcomes, lab().checks());
            getLog().info("Check results for CI (JUnit XML): " + report);
        } catch (IOException e) {
            throw new MojoExecutionException("could not write " + lab().checks().resolve(CheckResults.FILE_NAME), e);
        }
    }
}
