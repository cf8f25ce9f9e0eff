package io.github.mnistlab.maven;

import io.github.mnistlab.maven.results.ComparisonResult;
import io.github.mnistlab.maven.results.RunCatalog;
import io.github.mnistlab.record.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * For each comparison, writes {@code target/lab/comparisons/<id>.json} (the runs' error curves by
 * epoch, iterations and training seconds, their loss by iteration, final accuracies and training
 * times) and logs a one-line verdict.
 *
 * @since 0.1.0
 */
@Mojo(name = "compare", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CompareMojo extends AbstractRunsMojo {
    /**
     * The comparisons.
     *
     * <pre>{@code
     * <comparisons>
     *   <comparison><id>adders</id><runs>sum-transfer,sum-scratch</runs></comparison>
     * </comparisons>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private List<Comparison> comparisons;

    /**
     * The experiments this build trained ({@code lab.experiments}); a comparison of a run outside them
     * that this build cannot see is skipped instead of failing.
     *
     * <pre>{@code mvn verify -Dlab.experiments=digits}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.experiments")
    private List<String> selectedExperiments;

    @Override
    protected void executeLab() throws MojoExecutionException, MojoFailureException {
        if (comparisons == null || comparisons.isEmpty()) {
            getLog().info("No <comparisons> configured: nothing to compare.");
            return;
        }
        RunCatalog catalog = catalog();
        Selection selection = Selection.of(selectedExperiments);
        for (Comparison comparison : comparisons) {
            List<String> ids = comparison.runIds();
            List<String> missing = ids.stream().filter(id -> catalog.get(id).isEmpty()).toList();
            Optional<String> leftOut = missing.stream().filter(selection::leftOut).findFirst();
            if (leftOut.isPresent()) {
                getLog().info("[" + comparison.id() + "] skipped: run '" + leftOut.get() + "' is not among"
                        + " lab.experiments and not in this build's run directories");
                continue;
            }
            if (!missing.isEmpty()) {
                throw new MojoFailureException("comparison '" + comparison.id() + "': run '" + missing.get(0)
                        + "' has no run record; known runs: " + String.join(", ", catalog.ids())
                        + ". Train it first (lab:train) or add its directory to runDirectories");
            }
            List<RunRecord> records = ids.stream().map(id -> catalog.get(id).orElseThrow().record()).toList();
            ComparisonResult result = ComparisonResult.of(comparison.id(), comparison.description(), records);
            Path file = lab().comparison(comparison.id());
            write(file, result.toJson());
            getLog().info(result.verdict());
        }
    }
}
