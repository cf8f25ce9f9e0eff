package io.github.mnistlab.maven.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.mnistlab.spec.ActivationKind;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.LabJson;
import io.github.mnistlab.spec.ModelKind;
import io.github.mnistlab.spec.OptimizerKind;
import io.github.mnistlab.spec.Presets;
import io.github.mnistlab.spec.ScheduleKind;
import io.github.mnistlab.spec.SpecFiles;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Turns an {@link ExperimentDefinition} into the library's {@link ExperimentSpec}: the preset, the
 * experiment's changes, then the global overrides, checked by the library itself. Every error names
 * the experiment.
 */
public final class SpecMapping {
    private static final List<String> MODEL_IDS = Arrays.stream(ModelKind.values())
            .map(k -> LabJson.gson().toJsonTree(k).getAsString()).toList();

    private SpecMapping() {
    }

    /**
     * The checked spec of {@code definition}.
     *
     * @param pretrainedRun the run directory to write as {@code pretrained}, or null when the
     *                      definition reuses no run
     * @throws IllegalArgumentException naming the experiment and its first bad value
     */
    public static ExperimentSpec resolve(ExperimentDefinition definition, Overrides overrides, String pretrainedRun) {
        String where = "experiment '" + definition.id() + "'";
        try {
            if (definition.preset() == null || definition.preset().isBlank()) {
                throw new IllegalArgumentException(where + " names no preset; add <preset> with one of "
                        + String.join(", ", Presets.ids()));
            }
            JsonObject fields = definition.changes();
            fields.addProperty("preset", definition.preset().strip());
            // The spec file takes only the exact lower-case names (the library's StrictEnums rejects any
            // other): parse the POM's values here, in any case and with spaces around them, into those
            // names, and name the field of a typo with the accepted values.
            normalize(fields, "model", SpecMapping::modelId);
            normalize(fields, "activation", v -> ActivationKind.parse(v).id());
            normalize(fields, "optimizer", v -> OptimizerKind.parse(v).name().toLowerCase(Locale.ROOT));
            normalize(fields, "schedule", v -> ScheduleKind.parse(v).id());
            overrides.applyTo(fields);
            if (pretrainedRun != null) {
                fields.addProperty("pretrained", pretrainedRun);
            }
            ExperimentSpec spec = SpecFiles.overlay(fields, where).validate();
            if (definition.pretrained() != null && spec.model() != ModelKind.ADDER_TRANSFER) {
                throw new IllegalArgumentException("pretrained '" + definition.pretrained() + "' is set, but only model"
                        + " adder-transfer reuses a trained run; this experiment's model is " + modelId(spec.model())
                        + ". Remove <pretrained> or use preset adder-transfer");
            }
            return spec;
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw new IllegalArgumentException(message.startsWith(where) ? message : where + ": " + message, e);
        }
    }

    /** The spec as the library's spec file ({@code run --spec FILE}) holds it: every field, pretty-printed. */
    public static String toJson(ExperimentSpec spec) {
        return LabJson.gson().toJson(spec) + "\n";
    }

    /** The configuration name of a model kind, e.g. {@code adder-transfer}. */
    public static String modelId(ModelKind kind) {
        return MODEL_IDS.get(kind.ordinal());
    }

    private static String modelId(String value) {
        String id = value.strip().toLowerCase(Locale.ROOT);
        if (!MODEL_IDS.contains(id)) {
            throw new IllegalArgumentException("model '" + value + "' is not known; use one of "
                    + String.join(", ", MODEL_IDS));
        }
        return id;
    }

    private static void normalize(JsonObject fields, String name, UnaryOperator<String> parse) {
        JsonElement value = fields.get(name);
        if (value != null && value.isJsonPrimitive()) {
            fields.addProperty(name, parse.apply(value.getAsString()));
        }
    }
}
