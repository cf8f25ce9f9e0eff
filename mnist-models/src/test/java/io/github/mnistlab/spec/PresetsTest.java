package io.github.mnistlab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PresetsTest {
    @Test
    void everyLabHasAPresetThatValidates() {
        assertEquals(List.of("mlp", "mlp-scratch", "cnn-small", "cnn-lenet", "cnn-wide", "adder-transfer", "adder-scratch"),
                List.copyOf(Presets.ids()));
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
                + " adder-transfer, adder-scratch", e.getMessage());
    }

    private static String invalid(String preset, UnaryOperator<ExperimentSpec.Builder> change) {
        ExperimentSpec spec = change.apply(Presets.get(preset).toBuilder()).build();
        return assertThrows(IllegalArgumentException.class, spec::validate).getMessage();
    }

    @Test
    void badValuesAreNamedWithWhatWasExpected() {
        assertEquals("learningRate is 0.0, expected a number > 0, e.g. 0.01", invalid("mlp", b -> b.learningRate(0)));
        assertEquals("learningRate is -0.1, expected a number > 0, e.g. 0.01", invalid("mlp", b -> b.learningRate(-0.1f)));
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
    }
}
