package io.github.mnistlab.record;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.mnistlab.spec.LabJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes {@code run.json}. Writing goes to a temporary file in the same directory that is
 * then renamed over the target, so a reader (or a killed build) never sees half a record. Reading
 * checks the schema version and names the file in every error.
 */
public final class RunRecords {
    /** The record's file name inside a run directory. */
    public static final String FILE_NAME = "run.json";

    private static final Gson GSON = LabJson.gson();

    private RunRecords() {
    }

    /** Writes {@code record} to {@code dir/run.json} atomically. */
    public static Path write(Path dir, RunRecord record) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(FILE_NAME);
        writeAtomically(target, GSON.toJson(record).getBytes(StandardCharsets.UTF_8));
        return target;
    }

    /** Writes bytes to {@code target} through a temporary sibling and an atomic rename. */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName() + "-", ".tmp");
        try {
            Files.write(tmp, bytes);
            readableByAll(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Temporary files are private (0600); a record is meant to be shared, e.g. as a CI artifact. */
    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /**
     * Reads a run record.
     *
     * @param file a {@code .json} file, or the run directory holding {@code run.json}
     * @throws IllegalArgumentException naming the file when it is missing, not valid JSON, or of another schema
     */
    public static RunRecord read(Path file) {
        Path json = Files.isDirectory(file) || !file.getFileName().toString().endsWith(".json")
                ? file.resolve(FILE_NAME) : file;
        String text;
        try {
            text = Files.readString(json, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(json + " does not exist; train the run first");
        } catch (IOException e) {
            throw new UncheckedIOException(json + " could not be read", e);
        }
        JsonObject tree;
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) {
                throw new IllegalArgumentException(json + " is not a run record (expected a JSON object);"
                        + " delete it and train again");
            }
            tree = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(json + " is not valid JSON (" + rootMessage(e)
                    + "); it was damaged or edited by hand: delete it and train again");
        }
        JsonElement version = tree.get("schemaVersion");
        if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()
                || version.getAsInt() < RunRecord.OLDEST_READABLE_SCHEMA || version.getAsInt() > RunRecord.SCHEMA_VERSION) {
            throw new IllegalArgumentException(json + " has schemaVersion " + version + ", but this version of"
                    + " mnist-lab reads schemas " + RunRecord.OLDEST_READABLE_SCHEMA + " to " + RunRecord.SCHEMA_VERSION
                    + "; retrain the run (e.g. with -Dlab.force)");
        }
        try {
            RunRecord record = GSON.fromJson(tree, RunRecord.class);
            if (record.spec() == null || record.id() == null) {
                throw new IllegalArgumentException(json + " lacks its id or spec; delete it and train again");
            }
            return record;
        } catch (JsonParseException | IllegalStateException | NullPointerException e) {
            throw new IllegalArgumentException(json + " does not match the run record schema (" + rootMessage(e)
                    + "); delete it and train again");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
