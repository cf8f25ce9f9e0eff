package io.github.mnistlab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AblationTest {
    @Test
    void anAblationTrainsTheLabEachChangeAloneAndAllChanges() {
        SweepSpec sweep = new SweepSpec(SweepSpec.Kind.ABLATION, "cnn-plus", null, null, null, null, 2, 1000, 7L).validate();
        List<SweepPoint> points = sweep.points();

        assertEquals(List.of("lab", "network", "batch-norm", "optimizer", "schedule", "augmentation", "label-smoothing",
                "epochs", "all"), points.stream().map(SweepPoint::id).toList());
        ExperimentSpec lab = Presets.get("cnn-lenet").toBuilder().epochs(2).limit(1000).seed(7).build();
        assertEquals(lab, points.get(0).spec());
        assertEquals(lab.toBuilder().batchNorm(true).build(), points.get(2).spec());
        assertEquals(lab.toBuilder().augment(2, 10).build(), points.get(5).spec());
        // the sweep's epochs win over the change that lengthens training
        assertEquals(lab, points.get(7).spec());
        assertEquals(Presets.get("cnn-plus").toBuilder().epochs(2).limit(1000).seed(7).build(), points.get(8).spec());
        assertEquals(Map.of("changes", 0), points.get(0).coordinates());
        assertEquals(Map.of("changes", 1), points.get(3).coordinates());
        assertEquals(Map.of("changes", 7), points.get(8).coordinates());
    }

    @Test
    void anAblationNeedsAnImprovedPresetAndNoGrid() {
        assertEquals("an ablation needs an improved preset; preset 'cnn-lenet' has no improvements. Use one of mlp-plus,"
                + " cnn-plus, adder-transfer-plus, adder-scratch-plus", assertThrows(IllegalArgumentException.class,
                        () -> new SweepSpec(SweepSpec.Kind.ABLATION, "cnn-lenet", null, null, null, null, null, null, null)
                                .validate()).getMessage());
        assertEquals("<k>, <m>, <depths> and <kernels> belong to kinds mlp and cnn; an ablation takes an improved <preset>:"
                + " one of mlp-plus, cnn-plus, adder-transfer-plus, adder-scratch-plus",
                assertThrows(IllegalArgumentException.class, () -> new SweepSpec(SweepSpec.Kind.ABLATION, "mlp-plus",
                        List.of(1), null, null, null, null, null, null).validate()).getMessage());
        assertEquals(SweepSpec.Kind.ABLATION, SweepSpec.Kind.parse("Ablation"));
        assertEquals("kind is 'grid', expected mlp, cnn or ablation",
                assertThrows(IllegalArgumentException.class, () -> SweepSpec.Kind.parse("grid")).getMessage());
    }

    @Test
    void aSpecFileSetsTheNewFields() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("spec", ".json");
        try {
            java.nio.file.Files.writeString(file, "{\"preset\": \"cnn-lenet\", \"batchNorm\": true, \"schedule\": \"step\","
                    + " \"decayEpochs\": 3, \"decayFactor\": 0.5, \"warmupEpochs\": 0.5, \"labelSmoothing\": 0.05,"
                    + " \"shiftPixels\": 1, \"rotationDegrees\": 5}");
            ExperimentSpec spec = SpecFiles.read(file).validate();
            assertEquals(Presets.get("cnn-lenet").toBuilder().batchNorm(true).stepSchedule(3, 0.5f).warmupEpochs(0.5f)
                    .labelSmoothing(0.05f).augment(1, 5).build(), spec);
            java.nio.file.Files.writeString(file, "{\"preset\": \"cnn-lenet\", \"schedule\": \"cosinus\"}");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpecFiles.read(file));
            assertEquals(true, e.getMessage().contains("cosinus"), e.getMessage());
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
