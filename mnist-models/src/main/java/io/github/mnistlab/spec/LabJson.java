package io.github.mnistlab.spec;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The one JSON mapper of spec files, run and sweep records, and the plugin's result files: pretty
 * printed, enums by their lower-case configuration ids (an unknown id is an error, see
 * {@code StrictEnums}), NaN and infinities allowed (a diverged run records them), no HTML escaping.
 */
public final class LabJson {
    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .serializeSpecialFloatingPointValues()
            .disableHtmlEscaping()
            .registerTypeAdapterFactory(new StrictEnums())
            .create();

    private LabJson() {
    }

    /** The shared mapper; thread-safe. */
    public static Gson gson() {
        return GSON;
    }
}
