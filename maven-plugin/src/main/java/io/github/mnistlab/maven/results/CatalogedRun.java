package io.github.mnistlab.maven.results;

import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunStatus;
import java.nio.file.Path;

/**
 * A run record and the directory it was read from.
 *
 * @param directory the run directory (holding {@code run.json} and the parameters)
 * @param record    the record
 */
public record CatalogedRun(Path directory, RunRecord record) {
    public String id() {
        return record.id();
    }

    /** Whether training finished and the test set was evaluated. */
    public boolean complete() {
        return record.status() == RunStatus.COMPLETE && record.test() != null;
    }
}
