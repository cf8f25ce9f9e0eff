package io.github.mnistlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.training.tracker.Tracker;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.ModelKind;
import io.github.mnistlab.spec.ScheduleKind;
import org.junit.jupiter.api.Test;

/** The learning rate of each optimizer step (DJL numbers them from 1), for 4 epochs of 10 steps. */
class LearningRateScheduleTest {
    private static final int STEPS_PER_EPOCH = 10;

    private static ExperimentSpec.Builder spec() {
        return ExperimentSpec.builder("test", ModelKind.MLP).learningRate(0.1f).epochs(4);
    }

    private static float[] rates(ExperimentSpec spec) {
        Tracker tracker = ModelFactory.learningRate(spec, STEPS_PER_EPOCH);
        float[] rates = new float[4 * STEPS_PER_EPOCH];
        for (int step = 1; step <= rates.length; step++) {
            rates[step - 1] = tracker.getNewValue(step);
        }
        return rates;
    }

    @Test
    void constantIsTheLearningRateAtEveryStep() {
        for (float rate : rates(spec().build())) {
            assertEquals(0.1f, rate);
        }
    }

    @Test
    void stepMultipliesByTheFactorAfterEveryDecayPeriod() {
        float[] rates = rates(spec().stepSchedule(1, 0.5f).build());
        assertEquals(0.1f, rates[0]);
        assertEquals(0.1f, rates[9]);    // step 10, the last of epoch 1
        assertEquals(0.05f, rates[10]);  // step 11, the first of epoch 2
        assertEquals(0.025f, rates[20]);
        assertEquals(0.0125f, rates[39], 1e-7f);
        // a period longer than the run never decays (DJL's tracker needs two steps; they lie past the end)
        float[] none = rates(spec().stepSchedule(9, 0.5f).build());
        assertEquals(0.1f, none[39]);
    }

    @Test
    void cosineFallsFromTheRateToZeroAtTheLastStep() {
        float[] rates = rates(spec().schedule(ScheduleKind.COSINE).build());
        // lr · (1 + cos(π · n / 40)) / 2
        assertEquals(0.1f * (1 + (float) Math.cos(Math.PI / 40)) / 2, rates[0], 1e-7f);
        assertEquals(0.05f, rates[19], 1e-6f); // step 20: halfway
        assertEquals(0f, rates[39], 1e-7f);
    }

    @Test
    void warmUpRisesLinearlyFromZeroThenTheScheduleRuns() {
        float[] rates = rates(spec().schedule(ScheduleKind.COSINE).warmupEpochs(1).build());
        assertEquals(0.01f, rates[0], 1e-7f);   // step 1 of 10
        assertEquals(0.09f, rates[8], 1e-7f);   // step 9
        assertEquals(0.1f, rates[9], 1e-7f);    // step 10: the cosine's start
        // then a cosine over the remaining 30 steps: step 10 + n is lr · (1 + cos(π · n / 30)) / 2
        assertEquals(0.05f, rates[24], 1e-6f);
        assertEquals(0f, rates[39], 1e-7f);
        float[] constant = rates(spec().warmupEpochs(0.5f).build());
        assertEquals(0.02f, constant[0], 1e-7f); // a half-epoch warm-up is 5 steps
        assertEquals(0.1f, constant[4], 1e-7f);
    }
}
