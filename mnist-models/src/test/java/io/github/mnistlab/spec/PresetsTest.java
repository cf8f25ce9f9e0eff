package io.github.mnistlab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PresetsTest {
    @Test
    void everyLabHasAPresetThatValidates() {
        assertEquals(List.of("mlp", "mlp-scratch", "cnn-small", "cnn-lenet", "cnn-wide", "adder-transfer", "adder-scratch",
                "mlp-plus", "cnn-plus", "adder-transfer-plus", "adder-scratch-plus"), List.copyOf(Presets.ids()));
        for (String id : Presets.ids()) {
            ExperimentSpec spec = Presets.get(id);
            assertEquals(id, spec.preset());
            if (spec.model() == ModelKind.ADDER_TRANSFER) {
                spec = spec.toBuilder().pretrained("runs/digits").build();
            }
            spec.validate();
        }
    }

    @Test
    void presetsCarryTheLabsHyperparameters() {
        ExperimentSpec lenet = Presets.get("cnn-lenet");
        assertEquals(List.of(ConvStage.of(10, 5), ConvStage.of(20, 5)), lenet.stages());
        assertEquals(OptimizerKind.SGD, lenet.optimizer());
        assertEquals(0.01f, lenet.learningRate());
        assertEquals(0.5f, lenet.momentum());
        assertEquals(64, lenet.batchSize());
        ExperimentSpec transfer = Presets.get("adder-transfer");
        assertEquals(OptimizerKind.ADAMW, transfer.optimizer());
        assertEquals(0.003f, transfer.learningRate());
        assertEquals(0.002f, transfer.weightDecay());
        assertEquals(200, transfer.batchSize());
        assertEquals(10, transfer.epochs());
        ExperimentSpec scratchAdder = Presets.get("adder-scratch");
        assertEquals(0.002f, scratchAdder.learningRate());
        assertEquals(0.003f, scratchAdder.weightDecay());
        ExperimentSpec mlp = Presets.get("mlp");
        assertEquals(List.of(30), mlp.hidden());
        assertEquals(ActivationKind.SIGMOID, mlp.activation());
        assertEquals(10_000, mlp.validationSize());
        assertEquals(0.01f, mlp.learningRate());
    }

    @Test
    void unknownPresetListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Presets.get("cnn-lenett"));
        assertEquals("preset 'cnn-lenett' is not known; use one of mlp, mlp-scratch, cnn-small, cnn-lenet, cnn-wide,"
                + " adder-transfer, adder-scratch, mlp-plus, cnn-plus, adder-transfer-plus, adder-scratch-plus",
                e.getMessage());
    }

    private static String invalid(String preset, UnaryOperator<ExperimentSpec.Builder> change) {
        ExperimentSpec spec = change.apply(Presets.get(preset).toBuilder()).build();
        return assertThrows(IllegalArgumentException.class, spec::validate).getMessage();
    }

    @Test
    void badValuesAreNamedWithWhatWasExpected() {
        assertEquals("learningRate is 0.0, expected a number > 0, e.g. 0.01", invalid("mlp", b -> b.learningRate(0)));
        assertEquals("learningRate is -0.1, expected a number > 0, e.g. 0.01", invalid("mlp", b -> b.learningRate(-0.1f)));
        // an MLP's dropout is checked before anything trains, as a CNN's is
        assertEquals("dropout is 2.0, expected a rate in [0, 1)", invalid("mlp", b -> b.dropout(2)));
        assertEquals("dropout is -0.1, expected a rate in [0, 1)", invalid("mlp-plus", b -> b.dropout(-0.1f)));
        assertEquals("batchSize is 0, expected ≥ 1, e.g. 64", invalid("cnn-lenet", b -> b.batchSize(0)));
        assertEquals("epochs is 0, expected ≥ 1", invalid("cnn-lenet", b -> b.epochs(0)));
        assertEquals("hidden has k = 4 layers [10, 10, 10, 10], expected 1 ≤ k ≤ 3 hidden layer sizes, e.g. 30 or 128,64",
                invalid("mlp", b -> b.hidden(List.of(10, 10, 10, 10))));
        assertEquals("hidden has k = 0 layers [], expected 1 ≤ k ≤ 3 hidden layer sizes, e.g. 30 or 128,64",
                invalid("mlp", b -> b.hidden(List.of())));
        assertEquals("conv stage 2 has a 7×7 kernel but meets a 6×6 feature map (after padding);"
                + " use a smaller kernel, more padding or fewer stages",
                invalid("cnn-lenet", b -> b.stages(List.of(new ConvStage(10, 11, 0, 3), new ConvStage(20, 7, 0, 2)))));
        assertEquals("the transfer adder needs 'pretrained': the run directory (or, in the plugin, the experiment id)"
                + " of a trained digit classifier", invalid("adder-transfer", b -> b));
        assertEquals("momentum is 1.0, expected 0 ≤ momentum < 1", invalid("cnn-lenet", b -> b.momentum(1)));
        assertEquals("decayEpochs is 0, expected ≥ 1 with schedule step (the learning rate falls every this many epochs)",
                invalid("cnn-lenet", b -> b.stepSchedule(0, 0.1f)));
        assertEquals("decayFactor is 1.5, expected 0 < f < 1 with schedule step, e.g. 0.1",
                invalid("cnn-lenet", b -> b.stepSchedule(3, 1.5f)));
        assertEquals("warmupEpochs is -1.0, expected ≥ 0 (0 = no warm-up), e.g. 1",
                invalid("cnn-plus", b -> b.warmupEpochs(-1)));
        assertEquals("labelSmoothing is 0.5, expected 0 ≤ ε < 0.5 (0 = none), e.g. 0.1",
                invalid("cnn-plus", b -> b.labelSmoothing(0.5f)));
        assertEquals("shiftPixels is 8.0, expected 0 to 6 pixels (0 = no shifts), e.g. 2",
                invalid("cnn-plus", b -> b.augment(8, 0)));
        assertEquals("rotationDegrees is 90.0, expected 0 to 45 degrees (0 = no rotation), e.g. 10",
                invalid("cnn-plus", b -> b.augment(2, 90)));
        assertEquals("batchNorm is true, but model mlp has no convolutions of its own to normalize; batch normalization"
                + " applies to models cnn and adder-scratch", invalid("mlp-plus", b -> b.batchNorm(true)));
        String scratch = invalid("mlp-scratch", b -> b.schedule(ScheduleKind.COSINE));
        assertEquals(true, scratch.contains("schedule cosine"), scratch);
    }

    @Test
    void eachImprovedPresetIsItsLabsSpecWithEveryChange() {
        assertEquals(List.of("mlp-plus", "cnn-plus", "adder-transfer-plus", "adder-scratch-plus"),
                List.copyOf(Presets.improvedIds()));
        for (String id : Presets.improvedIds()) {
            ExperimentSpec expected = Presets.get(Presets.lab(id)).toBuilder().preset(id).build();
            for (Improvement change : Presets.improvements(id)) {
                ExperimentSpec changed = change.applyTo(expected);
                assertEquals(false, changed.equals(expected), id + ": " + change.id() + " changes nothing");
                expected = changed;
            }
            assertEquals(expected, Presets.get(id));
        }
        ExperimentSpec cnn = Presets.get("cnn-plus");
        assertEquals("cnn-lenet", Presets.lab("cnn-plus"));
        assertEquals(true, cnn.batchNorm());
        assertEquals(ScheduleKind.COSINE, cnn.schedule());
        assertEquals(1f, cnn.warmupEpochs());
        assertEquals(2f, cnn.shiftPixels());
        assertEquals(10f, cnn.rotationDegrees());
        assertEquals(0.1f, cnn.labelSmoothing());
        assertEquals("mlp", Presets.lab("mlp"));
        assertEquals(List.of(), Presets.improvements("mlp"));
    }
}
