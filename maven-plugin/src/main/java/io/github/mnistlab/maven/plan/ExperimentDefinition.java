package io.github.mnistlab.maven.plan;

import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * One experiment as the POM declares it, before it is checked: its id, the preset it starts from,
 * the spec fields it changes (in the library's spec-file form) and the id of the experiment whose
 * trained classifier it reuses.
 *
 * @param id          the run's name and directory name
 * @param preset      the preset id, e.g. {@code cnn-lenet}
 * @param description free text for the report, or null
 * @param pretrained  the id of another experiment (transfer adder), or null
 * @param changes     spec fields to change, e.g. {@code {"epochs": 3, "hidden": [128, 64]}}
 */
public record ExperimentDefinition(String id, String preset, String description, String pretrained,
        JsonObject changes) {

    public ExperimentDefinition {
        changes = changes == null ? new JsonObject() : changes.deepCopy();
    }

    /** The spec fields to change (a copy: the definition stays immutable). */
    @Override
    public JsonObject changes() {
        return changes.deepCopy();
    }

    /** A definition that changes nothing of {@code preset}. */
    public static ExperimentDefinition of(String id, String preset) {
        return new ExperimentDefinition(Objects.requireNonNull(id), preset, null, null, null);
    }
}
