package io.github.mnistlab.maven.plan;

import com.google.gson.JsonObject;
import io.github.mnistlab.spec.LabJson;
import io.github.mnistlab.spec.SpecFiles;
import io.github.mnistlab.spec.SweepSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * One {@code <sweep>} as the planner takes it: its id and the library's {@link SweepSpec}, validated by
 * the library. The fork receives the spec as a file ({@code sweep --spec FILE}).
 *
 * @param id   the sweep's name and directory ({@code target/lab/sweeps/<id>})
 * @param spec the sweep
 */
public record SweepDefinition(String id, SweepSpec spec) {
    /**
     * The sweep {@code id} of {@code fields} (the sweep spec file's fields).
     *
     * @throws IllegalArgumentException naming the sweep and its first bad value
     */
    public static SweepDefinition of(String id, JsonObject fields) {
        Ids.check("sweep", id);
        return new SweepDefinition(id, SpecFiles.sweep(fields, "sweep '" + id + "'"));
    }

    /** The sweep the fork runs: with the build's quick-mode overrides. */
    public SweepSpec spec(Overrides overrides) {
        return spec.withOverrides(overrides.epochs(), overrides.limit());
    }

    /** {@link #spec(Overrides)} as its spec file holds it; also what the up-to-date check fingerprints. */
    public String specJson(Overrides overrides) {
        return LabJson.gson().toJson(spec(overrides)) + "\n";
    }

    /** The command line's arguments: {@code sweep --spec FILE --out DIR --device D}. */
    public static List<String> arguments(Path specFile, Path out, String device) {
        return List.of("sweep", "--spec", specFile.toString(), "--out", out.toString(), "--device", device);
    }
}
