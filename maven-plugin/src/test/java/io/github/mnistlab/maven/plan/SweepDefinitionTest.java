package io.github.mnistlab.maven.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepDefinitionTest {
    private static SweepDefinition mlp(List<Integer> k, String m) {
        return new SweepDefinition("km", "MLP", null, k, m, null, null, 3, null, 7L);
    }

    private static String failure(SweepDefinition sweep) {
        return assertThrows(IllegalArgumentException.class, sweep::validate).getMessage();
    }

    @Test
    void argumentsFollowTheLibraryCommandLineAndOverridesWin() {
        SweepDefinition sweep = mlp(List.of(1, 2), "10:100:10").validate();

        assertEquals(List.of("sweep", "--kind", "mlp", "--k", "1,2", "--m", "10:100:10", "--epochs", "1", "--limit",
                "500", "--seed", "7", "--out", Path.of("target/lab/sweeps/km").toString(), "--device", "cpu"),
                sweep.arguments(new Overrides(1, 500), Path.of("target/lab/sweeps/km"), "cpu"));
        assertEquals(List.of("--kind", "mlp", "--k", "1,2", "--m", "10:100:10", "--epochs", "3", "--seed", "7"),
                sweep.options(Overrides.NONE));
    }

    @Test
    void cnnSweepTakesDepthsAndKernels() {
        SweepDefinition sweep = new SweepDefinition("dk", "cnn", "cnn-lenet", null, null, List.of(1, 2), List.of(3, 5),
                null, null, null).validate();
        assertEquals(List.of("--kind", "cnn", "--preset", "cnn-lenet", "--depths", "1,2", "--kernels", "3,5"),
                sweep.options(Overrides.NONE));
    }

    @Test
    void badValuesAreNamed() {
        assertEquals("sweep 'km': k contains 4, expected 1 ≤ k ≤ 3 hidden layers", failure(mlp(List.of(1, 4), null)));
        assertEquals("sweep 'km': m is '100:10:10', expected from:to:step with 1 ≤ from ≤ to and step ≥ 1, e.g."
                + " 10:100:10", failure(mlp(List.of(1), "100:10:10")));
        assertEquals("sweep 'x': kind is 'rnn', expected mlp or cnn",
                failure(new SweepDefinition("x", "rnn", null, null, null, null, null, null, null, null)));
        assertEquals("sweep 'x': <k> and <m> belong to kind mlp; a cnn sweep varies <depths> and <kernels>",
                failure(new SweepDefinition("x", "cnn", null, List.of(1), null, null, null, null, null, null)));
    }
}
