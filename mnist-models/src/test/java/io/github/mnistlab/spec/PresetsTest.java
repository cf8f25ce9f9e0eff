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
        assertEquals("mlp", Presets.lab("mlp-plus"));
        assertEquals("cnn-lenet", Presets.lab("cnn-plus"));
        assertEquals("adder-transfer", Presets.lab("adder-transfer-plus"));
        assertEquals("adder-scratch", Presets.lab("adder-scratch-plus"));
        assertEquals("mlp", Presets.lab("mlp"));
        assertEquals(List.of(), Presets.improvements("mlp"));
        assertEquals(List.of("network", "optimizer", "schedule", "augmentation", "label-smoothing"),
                changeIds("mlp-plus"));
        assertEquals(List.of("network", "batch-norm", "optimizer", "schedule", "augmentation", "label-smoothing",
                "epochs"), changeIds("cnn-plus"));
        assertEquals(List.of("network", "schedule", "label-smoothing"), changeIds("adder-transfer-plus"));
        assertEquals(List.of("network", "digit-bottleneck", "batch-norm", "schedule", "augmentation",
                "label-smoothing", "epochs"), changeIds("adder-scratch-plus"));
    }

    @Test
    void improvedPresetsHoldTheirValues() {
        // mlp: 784–30–10 sigmoid, SGD lr 0.01, L2 1e-4, batch 10, 30 epochs, pixels in [0, 1]
        assertEquals(ExperimentSpec.builder("mlp-plus", ModelKind.MLP).hidden(List.of(512, 512))
                .activation(ActivationKind.RELU).dropout(0.2f).optimizer(OptimizerKind.ADAM).learningRate(1e-3f)
                .weightDecay(0).batchSize(100).epochs(30).validationSize(10_000).normalize(0f, 1f).lossEvery(100)
                .schedule(ScheduleKind.COSINE).warmupEpochs(1).augment(2, 10).labelSmoothing(0.1f).seed(42).build(),
                Presets.get("mlp-plus"));
        // cnn-lenet: two 5×5 stages of 10 and 20, SGD lr 0.01 momentum 0.5, batch 64, 10 epochs, no validation
        assertEquals(ExperimentSpec.builder("cnn-plus", ModelKind.CNN).hidden(List.of()).activation(ActivationKind.RELU)
                .stages(List.of(new ConvStage(32, 3, 1, 2), new ConvStage(64, 3, 1, 2), new ConvStage(128, 3, 1, 2)))
                .featureDropout(0.25f).batchNorm(true).optimizer(OptimizerKind.SGD).learningRate(0.05f).momentum(0.9f)
                .weightDecay(5e-4f).batchSize(128).epochs(15).validationSize(0).normalize(0.1307f, 0.3081f)
                .lossEvery(150).schedule(ScheduleKind.COSINE).warmupEpochs(1).augment(2, 10).labelSmoothing(0.1f)
                .seed(42).build(), Presets.get("cnn-plus"));
        // adder-transfer: a head of 19 on the frozen classifier, AdamW lr 0.003 wd 0.002, batch 200, 10 epochs
        assertEquals(ExperimentSpec.builder("adder-transfer-plus", ModelKind.ADDER_TRANSFER).hidden(List.of(128))
                .activation(ActivationKind.RELU).optimizer(OptimizerKind.ADAMW).learningRate(0.003f).weightDecay(0.002f)
                .batchSize(200).epochs(10).validationSize(10_000).freezePretrained(true).lossEvery(25)
                .normalize(0.1307f, 0.3081f).schedule(ScheduleKind.COSINE).warmupEpochs(1).labelSmoothing(0.1f)
                .seed(42).build(), Presets.get("adder-transfer-plus"));
        // adder-scratch: 5×5 of 10 and 3×3 of 20, 128 hidden, AdamW lr 0.002 wd 0.003, batch 200, 10 epochs
        assertEquals(ExperimentSpec.builder("adder-scratch-plus", ModelKind.ADDER_SCRATCH).hidden(List.of(128))
                .activation(ActivationKind.RELU).stages(List.of(new ConvStage(32, 3, 1, 2), new ConvStage(64, 3, 1, 2)))
                .digitBottleneck(true).batchNorm(true).optimizer(OptimizerKind.ADAMW).learningRate(0.002f)
                .weightDecay(0.003f).batchSize(200).epochs(15).validationSize(10_000).lossEvery(25)
                .normalize(0.1307f, 0.3081f).schedule(ScheduleKind.COSINE).warmupEpochs(1).augment(2, 10)
                .labelSmoothing(0.1f).seed(42).build(), Presets.get("adder-scratch-plus"));
    }

    private static List<String> changeIds(String preset) {
        return Presets.improvements(preset).stream().map(Improvement::id).toList();
    }
}
