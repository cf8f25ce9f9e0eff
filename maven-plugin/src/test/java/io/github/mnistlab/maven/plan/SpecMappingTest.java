package io.github.mnistlab.maven.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.mnistlab.spec.ActivationKind;
import io.github.mnistlab.spec.ConvStage;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.OptimizerKind;
import io.github.mnistlab.spec.Presets;
import io.github.mnistlab.spec.SpecFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecMappingTest {
    @TempDir
    Path dir;

    private static ExperimentDefinition mlp(JsonObject changes) {
        return new ExperimentDefinition("wide", "mlp", null, null, changes);
    }

    @Test
    void changesOverlayThePresetAndGlobalOverridesWin() throws Exception {
        JsonObject changes = new JsonObject();
        JsonArray hidden = new JsonArray();
        hidden.add(128);
        hidden.add(64);
        changes.add("hidden", hidden);
        changes.addProperty("activation", "ReLU");
        changes.addProperty("optimizer", "ADAMW");
        changes.addProperty("learningRate", 0.001);
        changes.addProperty("epochs", 5);

        ExperimentSpec spec = SpecMapping.resolve(mlp(changes), new Overrides(1, 2000), null);

        ExperimentSpec preset = Presets.get("mlp");
        assertEquals(List.of(128, 64), spec.hidden());
        assertEquals(ActivationKind.RELU, spec.activation());
        assertEquals(OptimizerKind.ADAMW, spec.optimizer());
        assertEquals(0.001f, spec.learningRate());
        assertEquals(1, spec.epochs(), "lab.epochs replaces the experiment's epochs");
        assertEquals(2000, spec.limit());
        assertEquals(preset.weightDecay(), spec.weightDecay(), "values not changed keep the preset's");
        assertEquals(preset.batchSize(), spec.batchSize());
        assertNull(spec.pretrained());
        // the file written for the trainer reads back as the same spec
        Path file = Files.writeString(dir.resolve("wide.json"), SpecMapping.toJson(spec));
        assertEquals(spec, SpecFiles.read(file));
    }

    @Test
    void theTrainingFeaturesBeyondTheLabsMapFromAnExperiment() throws Exception {
        JsonObject changes = new JsonObject();
        changes.addProperty("batchNorm", true);
        changes.addProperty("schedule", "Step");
        changes.addProperty("decayEpochs", 4);
        changes.addProperty("decayFactor", 0.2);
        changes.addProperty("warmupEpochs", 0.5);
        changes.addProperty("labelSmoothing", 0.05);
        changes.addProperty("shiftPixels", 1.5);
        changes.addProperty("rotationDegrees", 8);
        ExperimentSpec spec = SpecMapping.resolve(new ExperimentDefinition("bn", "cnn-lenet", null, null, changes),
                new Overrides(null, null), null);

        assertEquals(Presets.get("cnn-lenet").toBuilder().batchNorm(true).stepSchedule(4, 0.2f).warmupEpochs(0.5f)
                .labelSmoothing(0.05f).augment(1.5f, 8).build(), spec);
        Path file = Files.writeString(dir.resolve("bn.json"), SpecMapping.toJson(spec));
        assertEquals(spec, SpecFiles.read(file));

        JsonObject typo = new JsonObject();
        typo.addProperty("schedule", "cosin");
        assertEquals("experiment 'bn': schedule 'cosin' is not known; use one of constant, step, cosine",
                assertThrows(IllegalArgumentException.class, () -> SpecMapping.resolve(
                        new ExperimentDefinition("bn", "cnn-lenet", null, null, typo), new Overrides(null, null), null))
                        .getMessage());
        JsonObject mlpNorm = new JsonObject();
        mlpNorm.addProperty("batchNorm", true);
        assertEquals("experiment 'wide': batchNorm is true, but model mlp has no convolutions of its own to normalize;"
                + " batch normalization applies to models cnn and adder-scratch",
                assertThrows(IllegalArgumentException.class,
                        () -> SpecMapping.resolve(mlp(mlpNorm), new Overrides(null, null), null)).getMessage());
    }

    @Test
    void experimentValuesStayWithoutOverrides() {
        JsonObject changes = new JsonObject();
        changes.addProperty("epochs", 5);
        changes.addProperty("seed", 7);
        ExperimentSpec spec = SpecMapping.resolve(mlp(changes), Overrides.NONE, null);
        assertEquals(5, spec.epochs());
        assertEquals(7, spec.seed());
        assertEquals(0, spec.limit());
    }

    @Test
    void misspelledEnumValuesAreErrorsNotDefaults() {
        JsonObject activation = new JsonObject();
        activation.addProperty("activation", "sigmod");
        assertEquals("experiment 'wide': activation 'sigmod' is not known; use one of relu, sigmoid, tanh, none",
                assertThrows(IllegalArgumentException.class,
                        () -> SpecMapping.resolve(mlp(activation), Overrides.NONE, null)).getMessage());
        JsonObject model = new JsonObject();
        model.addProperty("model", "transformer");
        assertEquals("experiment 'wide': model 'transformer' is not known; use one of mlp, mlp-scratch, cnn,"
                + " adder-transfer, adder-scratch", assertThrows(IllegalArgumentException.class,
                        () -> SpecMapping.resolve(mlp(model), Overrides.NONE, null)).getMessage());
    }

    @Test
    void badOverridesNameTheProperty() {
        assertEquals("lab.epochs is 0, expected ≥ 1 (or leave it unset to keep each experiment's epochs)",
                assertThrows(IllegalArgumentException.class, () -> new Overrides(0, null)).getMessage());
        assertEquals("lab.limit is -1, expected 0 (all training digits) or a positive count, e.g. 10000",
                assertThrows(IllegalArgumentException.class, () -> new Overrides(null, -1)).getMessage());
    }

    @Test
    void libraryMessagesGetTheExperimentPrefixOnce() {
        JsonObject unknown = new JsonObject();
        unknown.addProperty("hiddenSize", 3);
        String message = assertThrows(IllegalArgumentException.class,
                () -> SpecMapping.resolve(mlp(unknown), Overrides.NONE, null)).getMessage();
        assertEquals("experiment 'wide': field \"hiddenSize\" is not a spec field", message.split("; known")[0]);
    }

    @Test
    void specsAreCheckedInMavensJvmWithoutTheEngine() {
        // the plugin leaves DJL out of its dependencies: the spec's validation (conv geometry included) is plain Java
        assertThrows(ClassNotFoundException.class, () -> Class.forName("ai.djl.nn.Block"));
        JsonObject changes = new JsonObject();
        JsonArray stages = new JsonArray();
        for (int i = 0; i < 4; i++) {
            JsonObject stage = new JsonObject();
            stage.addProperty("channels", 8);
            stage.addProperty("kernel", 5);
            stage.addProperty("padding", 0);
            stage.addProperty("pool", 2);
            stages.add(stage);
        }
        changes.add("stages", stages);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpecMapping.resolve(new ExperimentDefinition("deep", "cnn-lenet", null, null, changes),
                        new Overrides(null, null), null));
        assertEquals("experiment 'deep': conv stage 3 has a 5×5 kernel but meets a 4×4 feature map (after padding);"
                + " use a smaller kernel, more padding or fewer stages", e.getMessage());
        // LeNet's two stages: 28 → conv 5 → 24 → pool → 12 → conv 5 → 8 → pool → 4; 4 × 4 × 20 features
        assertEquals(320, ConvStage.featureCount(List.of(ConvStage.of(10, 5), ConvStage.of(20, 5)), 28));
    }
}
