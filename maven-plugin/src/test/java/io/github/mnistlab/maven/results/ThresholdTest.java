package io.github.mnistlab.maven.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdTest {
    private static CatalogedRun run(double accuracy, double seconds) {
        return new CatalogedRun(Path.of("runs/digits"), RunFixtures.record("digits", "cnn-lenet", accuracy, seconds));
    }

    @Test
    void everyMissIsReportedWithActualAndExpectedValues() {
        Threshold threshold = new Threshold("digits", 0.97, 60.0);

        assertEquals(List.of("run 'digits': test accuracy is 0.6900, but the minimum is 0.97",
                "run 'digits': training took 75.5 s, but the maximum is 60 s"), threshold.misses(run(0.69, 75.5)));
    }

    @Test
    void metLimitsAndUnsetLimitsGiveNoMiss() {
        assertEquals(List.of(), new Threshold("digits", 0.97, 60.0).misses(run(0.98, 12)));
        assertEquals(List.of(), new Threshold("digits", null, null).misses(run(0.10, 1e6)));
        assertEquals(List.of(), new Threshold("digits", 0.97, null).misses(run(0.97, 1)), "the minimum itself passes");
    }

    @Test
    void anIncompleteRunMissesEveryCheck() {
        CatalogedRun diverged = new CatalogedRun(Path.of("runs/d"), RunFixtures.diverged("d"));
        assertEquals(List.of("run 'd': status is diverged, but a check needs a complete run"),
                new Threshold("d", 0.5, null).misses(diverged));
    }

    @Test
    void impossibleLimitsAreConfigurationErrors() {
        assertEquals("check of run 'digits': minTestAccuracy is 97.0, expected a fraction between 0 and 1, e.g. 0.97",
                assertThrows(IllegalArgumentException.class, () -> new Threshold("digits", 97.0, null)).getMessage());
        assertEquals("a <check> names no <run>; give the id of the experiment to check",
                assertThrows(IllegalArgumentException.class, () -> new Threshold(" ", 0.9, null)).getMessage());
        assertEquals("check of run 'digits': maxTrainingSeconds is 0.0, expected a number of seconds > 0",
                assertThrows(IllegalArgumentException.class, () -> new Threshold("digits", null, 0.0)).getMessage());
    }
}
