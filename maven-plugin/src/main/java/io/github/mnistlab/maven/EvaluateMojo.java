package io.github.mnistlab.maven;

import io.github.mnistlab.maven.results.CatalogedRun;
import io.github.mnistlab.maven.results.RunCatalog;
import io.github.mnistlab.maven.results.RunSummary;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Logs each run's test evaluation (accuracy, error, per-class precision, recall and F1) and writes
 * the summary of all runs into {@code target/lab/evaluations.json}.
 *
 * @since 0.1.0
 */
@Mojo(name = "evaluate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class EvaluateMojo extends AbstractRunsMojo {
    /** The summary file in the lab directory. */

    @Override
    protected void executeLab() throws MojoExecutionException, MojoFailureException {
        RunCatalog catalog = catalog();
        if (catalog.isEmpty()) {
            getLog().info("No run records under " + runsDirectory() + ": nothing to evaluate.");
            return;
        }
        List<RunSummary> summaries = catalog.runs(experimentIds()).stream().map(CatalogedRun::record)
                .map(RunSummary::of).toList();
        summaries.forEach(s -> s.logLines().forEach(getLog()::info));
        Path file = lab().evaluations();
        write(file, RunSummary.toJson(summaries));
        getLog().info("Evaluations of " + summaries.size() + " run(s): " + file);
    }
}
