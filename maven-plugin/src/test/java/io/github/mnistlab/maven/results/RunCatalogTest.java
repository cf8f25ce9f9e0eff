package io.github.mnistlab.maven.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCatalogTest {
    @TempDir
    Path dir;

    @Test
    void mergesThisBuildsRunsWithRunDirectoriesOfBothShapes() {
        Path runs = dir.resolve("target/lab/runs");
        RunFixtures.write(runs.resolve("digits"), RunFixtures.record("digits", "cnn-lenet", 0.97, 10));
        Path otherJob = dir.resolve("job-2/runs");
        RunFixtures.write(otherJob.resolve("sum-scratch"), RunFixtures.record("sum-scratch", "adder-scratch", 0.9, 30));
        RunFixtures.write(otherJob.resolve("digits"), RunFixtures.record("digits", "cnn-lenet", 0.5, 1));
        Path single = RunFixtures.write(dir.resolve("downloaded/sum-transfer"),
                RunFixtures.record("sum-transfer", "adder-transfer", 0.95, 20));
        List<String> warnings = new ArrayList<>();

        RunCatalog catalog = RunCatalog.scan(runs, List.of(otherJob, single), warnings::add);

        assertEquals(List.of("sum-transfer", "digits", "sum-scratch"), catalog.runs(List.of("sum-transfer", "missing"))
                .stream().map(CatalogedRun::id).toList(), "POM order first, then by id");
        assertEquals(0.97, catalog.get("digits").orElseThrow().record().test().accuracy(), 1e-9,
                "this build's run wins over a merged one");
        assertEquals(List.of("run 'digits' is in both " + runs.resolve("digits") + " and " + otherJob.resolve("digits")
                + "; using " + runs.resolve("digits")), warnings);
    }

    @Test
    void noRunsYetIsAnEmptyCatalogButAMissingExtraDirectoryIsAnError() {
        assertTrue(RunCatalog.scan(dir.resolve("target/lab/runs"), List.of(), w -> { }).isEmpty());
        Path missing = dir.resolve("job-3");
        assertEquals("run directory " + missing + " (runDirectories) does not exist; give directories that hold"
                + " run.json files or run directories", assertThrows(IllegalArgumentException.class,
                        () -> RunCatalog.scan(dir, List.of(missing), w -> { })).getMessage());
    }
}
