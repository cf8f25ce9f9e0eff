package io.github.mnistlab.spec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads spec files. An experiment spec file is a JSON object with a {@code preset} and any spec fields
 * to change, e.g. {@code {"preset": "mlp", "hidden": [128, 64], "activation": "relu"}}; fields not
 * given keep the preset's values. A sweep spec file holds a {@link SweepSpec}. Unknown fields are an
 * error, so a typo never silently does nothing.
 */
public final class SpecFiles {
    private SpecFiles() {
    }

    /** The experiment spec in {@code file}: its preset with the file's other fields applied. */
    public static ExperimentSpec read(Path file) {
        return overlay(readObject(file), file.toString());
    }

    /**
     * The sweep spec in {@code file}, e.g. {@code {"kind": "cnn", "depths": [1, 2], "kernels": [3, 5]}},
     * validated; unknown fields are an error naming the known ones.
     */
    public static SweepSpec readSweep(Path file) {
        return sweep(readObject(file), file.toString());
    }

    /**
     * The sweep spec of {@code fields} (the form of a sweep spec file), validated.
     *
     * @param where names the source in every message, e.g. the file or {@code sweep 'km'}
     * @throws IllegalArgumentException naming {@code where} and the first bad field or value
     */
    public static SweepSpec sweep(JsonObject fields, String where) {
        List<String> known = Arrays.stream(SweepSpec.class.getRecordComponents()).map(RecordComponent::getName).toList();
        for (String name : fields.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(where + ": field \"" + name + "\" is not a sweep field; known: "
                        + String.join(", ", known));
            }
        }
        try {
            JsonElement kind = fields.get("kind");
            fields.addProperty("kind", SweepSpec.Kind.parse(kind == null || kind.isJsonNull() ? null : kind.getAsString()).id());
            return LabJson.gson().fromJson(fields, SweepSpec.class).validate();
        } catch (JsonParseException | NumberFormatException e) {
            throw new IllegalArgumentException(where + ": a value is not valid (" + rootMessage(e) + ")");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static JsonObject readObject(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("spec file " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("spec file " + file + " could not be read", e);
        }
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) {
                throw new IllegalArgumentException("spec file " + file + " must hold a JSON object");
            }
            return parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("spec file " + file + " is not valid JSON: " + e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** The preset named by {@code changes.preset}, with the other fields of {@code changes} applied. */
    public static ExperimentSpec overlay(JsonObject changes, String where) {
        JsonElement presetId = changes.get("preset");
        if (presetId == null || !presetId.isJsonPrimitive()) {
            throw new IllegalArgumentException(where + " names no \"preset\"; start from one of "
                    + String.join(", ", Presets.ids()));
        }
        ExperimentSpec base = Presets.get(presetId.getAsString());
        JsonObject tree = LabJson.gson().toJsonTree(base).getAsJsonObject();
        for (Map.Entry<String, JsonElement> e : changes.entrySet()) {
            if (!tree.has(e.getKey()) && !e.getKey().equals("pretrained")) {
                throw new IllegalArgumentException(where + ": field \"" + e.getKey() + "\" is not a spec field; known: "
                        + String.join(", ", tree.keySet()));
            }
            tree.add(e.getKey(), e.getValue());
        }
        try {
            return LabJson.gson().fromJson(tree, ExperimentSpec.class);
        } catch (JsonParseException | NumberFormatException e) {
            throw new IllegalArgumentException(where + ": a value is not valid (" + rootMessage(e) + ")");
        }
    }
}
