package io.github.mnistlab.maven.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.Presets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static ExperimentSpec spec(String preset, int epochs, int limit) {
        return Presets.get(preset).toBuilder().epochs(epochs).limit(limit).build();
    }

    @Test
    void theTimeLeftWeighsTheRestByTheReferenceMachineThenByThisMachinesSpeed() {
        // reference seconds: 10 × 60k × 0.10/1000 = 60 s (LeNet), 10 × 60k × 0.62/1000 = 372 s (wide), 30 × 50k × 0.03/1000 = 45 s (mlp)
        assertEquals(60, Progress.cost(spec("cnn-lenet", 10, 0)), 1e-9);
        assertEquals(372, Progress.cost(spec("cnn-wide", 10, 0)), 1e-9);
        assertEquals(45, Progress.cost(spec("mlp", 30, 0)), 1e-9);
        assertEquals(0.3, Progress.cost(spec("cnn-lenet", 1, 3000)), 1e-9);

        Progress progress = new Progress(List.of(spec("cnn-lenet", 10, 0), spec("cnn-wide", 10, 0), spec("mlp", 30, 0)));
        assertEquals("experiment 1 of 3, about 8 min left", progress.starting(0)); // 477 s
        progress.trained(0, 120); // this machine is twice as slow as the reference
        assertEquals("experiment 2 of 3, about 14 min left", progress.starting(1)); // 2 × 417 s
        progress.skipped(1); // up to date
        assertEquals("experiment 3 of 3, about 90 s left", progress.starting(2));
    }
}
