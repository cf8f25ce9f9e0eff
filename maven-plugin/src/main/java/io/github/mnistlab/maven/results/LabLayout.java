package io.github.mnistlab.maven.results;

import io.github.mnistlab.record.SweepRecord;
import java.nio.file.Path;

/**
 * The files under the lab directory ({@code target/lab}) through which the goals talk to each other,
 * named in one place. ARCHITECTURE.md lists which goal writes and which reads each.
 *
 * @param root the lab directory
 */
public record LabLayout(Path root) {
    /** {@code runs/}: one directory per run ({@code run.json}, the parameters, {@code .lab-input}). */
    public Path runs() {
        return root.resolve("runs");
    }

    /** {@code specs/<id>.json}: the full spec an experiment trains from. */
    public Path spec(String id) {
        return root.resolve("specs").resolve(id + ".json");
    }

    /** {@code specs/sweeps/<id>.json}: the sweep spec a sweep runs from. */
    public Path sweepSpec(String id) {
        return root.resolve("specs").resolve("sweeps").resolve(id + ".json");
    }

    /** {@code sweeps/}: one directory per sweep. */
    public Path sweeps() {
        return root.resolve("sweeps");
    }

    /** {@code sweeps/<id>/}: a sweep's runs and {@code sweep.json}. */
    public Path sweep(String id) {
        return sweeps().resolve(id);
    }

    /** {@code sweeps/<id>/sweep.json}: a sweep's record, written once every point has run. */
    public Path sweepRecord(String id) {
        return sweep(id).resolve(SweepRecord.FILE_NAME);
    }

    /** {@code evaluations.json}: the summary of every run. */
    public Path evaluations() {
        return root.resolve("evaluations.json");
    }

    /** {@code comparisons/}: one file per comparison. */
    public Path comparisons() {
        return root.resolve("comparisons");
    }

    /** {@code comparisons/<id>.json}. */
    public Path comparison(String id) {
        return comparisons().resolve(id + ".json");
    }

    /** {@code predictions/<run>.json}: the default output of {@code lab:predict}. */
    public Path predictions(String run) {
        return root.resolve("predictions").resolve(run + ".json");
    }

    /** {@code matrix.json}: the work units of {@code lab:matrix}, for a CI matrix. */
    public Path matrix() {
        return root.resolve("matrix.json");
    }

    /** {@code checks/}: the check results as JUnit XML, for CI. */
    public Path checks() {
        return root.resolve("checks");
    }

    /** {@code report/}: the default report directory. */
    public Path report() {
        return root.resolve("report");
    }
}
