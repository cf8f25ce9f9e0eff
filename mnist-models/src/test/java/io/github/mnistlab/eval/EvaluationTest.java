package io.github.mnistlab.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    @Test
    void metricsMatchAHandComputedConfusionMatrix() {
        //            idx: 0  1  2  3  4  5  6  7
        int[] actual =    {0, 0, 0, 1, 1, 2, 2, 2};
        int[] predicted = {0, 0, 1, 1, 2, 2, 2, 0};
        float[] conf =    {.9f, .8f, .7f, .6f, .95f, .5f, .5f, .4f};

        Evaluation e = Evaluation.of(3, actual, predicted, conf, 0.25, 10);

        assertArrayEquals(new int[] {2, 1, 0}, e.confusion()[0]);
        assertArrayEquals(new int[] {0, 1, 1}, e.confusion()[1]);
        assertArrayEquals(new int[] {1, 0, 2}, e.confusion()[2]);
        assertEquals(5 / 8.0, e.accuracy(), 1e-12);
        assertEquals(3 / 8.0, e.error(), 1e-12);
        // class 0: tp 2, predicted 3, support 3 → P 2/3, R 2/3
        ClassMetrics c0 = e.perClass().get(0);
        assertEquals(3, c0.support());
        assertEquals(2 / 3.0, c0.precision(), 1e-12);
        assertEquals(2 / 3.0, c0.recall(), 1e-12);
        assertEquals(2 / 3.0, c0.f1(), 1e-12);
        // class 1: tp 1, predicted 2, support 2 → P 1/2, R 1/2
        assertEquals(0.5, e.perClass().get(1).precision(), 1e-12);
        assertEquals(0.5, e.perClass().get(1).recall(), 1e-12);
        // class 2: tp 2, predicted 3, support 3
        assertEquals(2 / 3.0, e.perClass().get(2).f1(), 1e-12);
        assertEquals((2 / 3.0 + 0.5 + 2 / 3.0) / 3, e.macroF1(), 1e-12);
        // mistakes, most confident first: idx 4 (0.95), 2 (0.7), 7 (0.4)
        assertEquals(List.of(new Mistake(4, 1, 2, 0.95f), new Mistake(2, 0, 1, 0.7f), new Mistake(7, 2, 0, 0.4f)),
                e.mistakes());
        // the first samples' answers, right and wrong alike
        assertEquals(8, e.firstSamples().size());
        assertEquals(new SampleOutcome(1, 0, 0, .8f), e.firstSamples().get(1));
        assertEquals(new SampleOutcome(2, 0, 1, .7f), e.firstSamples().get(2));
    }

    @Test
    void classNeverPredictedOrAbsentHasZeroScoresNotNaN() {
        Evaluation e = Evaluation.of(3, new int[] {0, 1}, new int[] {0, 0}, null, Double.NaN, 1);
        assertEquals(0, e.perClass().get(1).precision());
        assertEquals(0, e.perClass().get(1).recall());
        assertEquals(0, e.perClass().get(2).support());
        assertEquals(0, e.perClass().get(2).f1());
        assertEquals(1, e.mistakes().size());
        assertEquals(0.5, e.accuracy());
    }
}
