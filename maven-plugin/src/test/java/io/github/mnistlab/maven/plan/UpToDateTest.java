package io.github.mnistlab.maven.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mnistlab.maven.plan.UpToDate.Decision;
import io.github.mnistlab.maven.results.RunFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpToDateTest {
    private static final String LIBRARY = "io.github.mnistlab:mnist-models:0.1.0 sha256 abc";

    @TempDir
    Path dir;

    private Path trained(String id, String fingerprint) throws Exception {
        Path run = RunFixtures.write(dir.resolve(id), RunFixtures.record(id, "cnn-lenet", 0.97, 10));
        UpToDate.record(run, fingerprint);
        return run;
    }

    @Test
    void unchangedInputsAreUpToDate() throws Exception {
        String fingerprint = UpToDate.fingerprint("{spec}", LIBRARY, null);
        Path run = trained("digits", fingerprint);

        assertEquals(Decision.UP_TO_DATE, UpToDate.ofRun(run, fingerprint, false));
        assertEquals(fingerprint, UpToDate.fingerprint("{spec}", LIBRARY, null), "the fingerprint is stable");
    }

    @Test
    void changedSpecOrLibraryRetrains() throws Exception {
        Path run = trained("digits", UpToDate.fingerprint("{spec}", LIBRARY, null));

        Decision spec = UpToDate.ofRun(run, UpToDate.fingerprint("{spec, epochs 2}", LIBRARY, null), false);
        Decision library = UpToDate.ofRun(run, UpToDate.fingerprint("{spec}", LIBRARY + "d", null), false);

        assertEquals(new Decision(true, "its spec, the library or the reused run changed"), spec);
        assertTrue(library.train());
    }

    @Test
    void forceRetrainsEvenWhenUpToDate() throws Exception {
        String fingerprint = UpToDate.fingerprint("{spec}", LIBRARY, null);
        Path run = trained("digits", fingerprint);
        assertEquals(new Decision(true, "lab.force is set"), UpToDate.ofRun(run, fingerprint, true));
    }

    @Test
    void missingUnreadableOrIncompleteRunsRetrain() throws Exception {
        String fingerprint = UpToDate.fingerprint("{spec}", LIBRARY, null);
        assertEquals(new Decision(true, "it has no run record yet"),
                UpToDate.ofRun(dir.resolve("never"), fingerprint, false));

        Path damaged = trained("damaged", fingerprint);
        Files.writeString(damaged.resolve("run.json"), "{\"schemaVersion\": 1,,");
        assertEquals(new Decision(true, "its run record is unreadable"), UpToDate.ofRun(damaged, fingerprint, false));

        Path diverged = RunFixtures.write(dir.resolve("diverged"), RunFixtures.diverged("diverged"));
        UpToDate.record(diverged, fingerprint);
        assertEquals(new Decision(true, "its last run is diverged, not complete"),
                UpToDate.ofRun(diverged, fingerprint, false));
    }

    @Test
    void interruptedTrainingCountsAsStale() throws Exception {
        String fingerprint = UpToDate.fingerprint("{spec}", LIBRARY, null);
        Path run = trained("digits", fingerprint);

        UpToDate.forget(run); // what train does before forking; an interrupted fork never records again

        assertEquals(new Decision(true, "no .lab-input records what it was trained from (interrupted, or not trained here)"),
                UpToDate.ofRun(run, fingerprint, false));
    }

    @Test
    void aRetrainedReusedRunChangesTheFingerprint() throws Exception {
        Path digits = RunFixtures.write(dir.resolve("digits"), RunFixtures.record("digits", "cnn-lenet", 0.97, 10));
        String before = UpToDate.fingerprint("{transfer}", LIBRARY, digits);
        assertEquals(before, UpToDate.fingerprint("{transfer}", LIBRARY, digits));

        RunFixtures.write(digits, RunFixtures.record("digits", "cnn-lenet", 0.98, 11));

        assertNotEquals(before, UpToDate.fingerprint("{transfer}", LIBRARY, digits));
    }

    @Test
    void outputsWithoutTheirCompletionFileAreStale() throws Exception {
        Path sweep = dir.resolve("sweep");
        String fingerprint = UpToDate.fingerprint("--kind mlp", LIBRARY, null);
        UpToDate.record(sweep, fingerprint);
        assertEquals(new Decision(true, "sweep.json does not exist yet"),
                UpToDate.ofOutput(sweep, sweep.resolve("sweep.json"), fingerprint, false));
        Files.writeString(sweep.resolve("sweep.json"), "{}");
        assertFalse(UpToDate.ofOutput(sweep, sweep.resolve("sweep.json"), fingerprint, false).train());
    }
}
