package io.github.mnistlab.maven.plan;

import io.github.mnistlab.data.MnistFiles;
import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunRecords;
import io.github.mnistlab.record.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Decides whether an output directory (a run, a sweep) must be produced again. Its inputs are hashed
 * into a fingerprint kept beside the output in {@value #FILE}: the spec or arguments, the library's
 * identity and, for a transfer adder, the reused run's record. MNIST itself is not hashed: the
 * library only trains on files whose SHA-256 matches the original.
 */
public final class UpToDate {
    /** The file holding the fingerprint of the inputs that produced a directory. */
    public static final String FILE = ".lab-input";

    private UpToDate() {
    }

    /**
     * The fingerprint of a run's inputs.
     *
     * @param inputs     the spec file's content, or a sweep's arguments
     * @param library    the library's identity, e.g. its coordinates and jar checksum
     * @param reusedRun  the run directory whose record the run builds on, or null
     */
    public static String fingerprint(String inputs, String library, Path reusedRun) {
        StringBuilder text = new StringBuilder(inputs).append('\n').append(library).append('\n');
        if (reusedRun != null) {
            try {
                text.append(MnistFiles.sha256(Files.readAllBytes(reusedRun.resolve(RunRecords.FILE_NAME))));
            } catch (NoSuchFileException e) {
                text.append("no record");
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + reusedRun.resolve(RunRecords.FILE_NAME), e);
            }
        }
        return MnistFiles.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a run directory must be trained, and why.
     *
     * @param runDir      the run directory
     * @param fingerprint the fingerprint of the inputs it would be trained from now
     * @param force       {@code lab.force}
     */
    public static Decision ofRun(Path runDir, String fingerprint, boolean force) {
        if (force) {
            return Decision.stale("lab.force is set");
        }
        RunRecord record;
        try {
            record = RunRecords.read(runDir);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return Decision.stale(Files.exists(runDir.resolve(RunRecords.FILE_NAME))
                    ? "its run record is unreadable" : "it has no run record yet");
        }
        if (record.status() != RunStatus.COMPLETE) {
            return Decision.stale("its last run is " + record.status() + ", not complete");
        }
        return compare(runDir, fingerprint);
    }

    /**
     * Whether an output directory must be produced again, given the file that marks it complete.
     */
    public static Decision ofOutput(Path dir, Path completeMarker, String fingerprint, boolean force) {
        if (force) {
            return Decision.stale("lab.force is set");
        }
        if (!Files.isRegularFile(completeMarker)) {
            return Decision.stale(completeMarker.getFileName() + " does not exist yet");
        }
        return compare(dir, fingerprint);
    }

    private static Decision compare(Path dir, String fingerprint) {
        String previous;
        try {
            previous = Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return Decision.stale("no " + FILE + " records what it was trained from (interrupted, or not trained here)");
        }
        return previous.equals(fingerprint) ? Decision.UP_TO_DATE
                : Decision.stale("its spec, the library or the reused run changed");
    }

    /** Records that {@code dir} was produced from inputs with {@code fingerprint}. */
    public static void record(Path dir, String fingerprint) throws IOException {
        Files.createDirectories(dir);
        RunRecords.writeAtomically(dir.resolve(FILE), (fingerprint + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Forgets the fingerprint before {@code dir} is produced again, so that an interrupted run counts as stale. */
    public static void forget(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(FILE));
    }

    /**
     * The decision.
     *
     * @param train  whether to train (or produce) again
     * @param reason why, for the log; empty when up to date
     */
    public record Decision(boolean train, String reason) {
        public static final Decision UP_TO_DATE = new Decision(false, "");

        static Decision stale(String reason) {
            return new Decision(true, reason);
        }
    }
}
