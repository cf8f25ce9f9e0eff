package io.github.mnistlab.spec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads an experiment spec file: a JSON object with a {@code preset} and any spec fields to change,
 * e.g. {@code {"preset": "mlp", "hidden": [128, 64], "activation": "relu"}}. Fields not given keep the
 * preset's values. Unknown fields are an error, so a typo never silently does nothing.
 */
public final class SpecFiles {
    private SpecFiles() {
    }

    public static ExperimentSpec read(Path file) {
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
            return overlay(parsed.getAsJsonObject(), file.toString());
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
