package io.github.mnistlab.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mnistlab.train.EpochStats;
import org.junit.jupiter.api.Test;

/** The backward pass against central differences of the objective, and the SGD step built on it. */
class ScratchMlpGradientTest {
    private static final int[] SIZES = {6, 5, 4, 3};
    private static final float WEIGHT_DECAY = 0.05f;

    @Test
    void analyticGradientsMatchCentralDifferences() {
        ScratchMlp net = new ScratchMlp(SIZES, 42);
        ScratchData batch = ScratchData.random(4, 6, 3, 7);
        ScratchMlp.Gradients analytic = net.gradients(batch.images, batch.labels, batch.count, WEIGHT_DECAY);

        double worst = 0;
        int checked = 0;
        float[][][] w = net.weightsView();
        for (int l = 0; l < w.length; l++) {
            for (int j = 0; j < w[l].length; j++) {
                for (int k = 0; k < w[l][j].length; k++) {
                    double numeric = centralDifference(net, batch, w[l][j], k);
                    double error = relativeError(analytic.weights()[l][j][k], numeric);
                    assertTrue(error < 1e-2, "weight " + l + "/" + j + "/" + k + ": analytic "
                            + analytic.weights()[l][j][k] + ", numeric " + numeric);
                    worst = Math.max(worst, error);
                    checked++;
                }
            }
        }
        float[][] b = net.biasesView();
        for (int l = 0; l < b.length; l++) {
            for (int j = 0; j < b[l].length; j++) {
                double numeric = centralDifference(net, batch, b[l], j);
                double error = relativeError(analytic.biases()[l][j], numeric);
                assertTrue(error < 1e-2, "bias " + l + "/" + j + ": analytic " + analytic.biases()[l][j]
                        + ", numeric " + numeric);
                worst = Math.max(worst, error);
                checked++;
            }
        }
        assertEquals(net.parameterCount(), checked);
        assertTrue(worst < 1e-2, "worst relative error " + worst);
    }

    /** (f(p + h) − f(p − h)) / (2h) with the actual float steps, restoring p. */
    private static double centralDifference(ScratchMlp net, ScratchData batch, float[] params, int index) {
        float original = params[index];
        float plus = original + 1e-2f;
        float minus = original - 1e-2f;
        params[index] = plus;
        double fPlus = objective(net, batch);
        params[index] = minus;
        double fMinus = objective(net, batch);
        params[index] = original;
        return (fPlus - fMinus) / ((double) plus - minus);
    }

    /** |a − n| / max(|a|, |n|), with a floor of 1e-4 on the denominator for gradients near zero. */
    private static double relativeError(double analytic, double numeric) {
        return Math.abs(analytic - numeric) / Math.max(1e-4, Math.max(Math.abs(analytic), Math.abs(numeric)));
    }

    @Test
    void oneFullBatchStepIsPlainSgdWithDecayOnWeightsOnly() {
        ScratchMlp net = new ScratchMlp(SIZES, 3);
        ScratchData batch = ScratchData.random(8, 6, 3, 11);
        ScratchMlp before = net.copy();
        ScratchMlp.Gradients g = before.gradients(batch.images, batch.labels, batch.count, WEIGHT_DECAY);
        double lossBefore = before.evaluate(batch.images, batch.labels, batch.count).loss();
        float learningRate = 0.3f;
        float[] seen = new float[2];
        EpochStats stats = net.trainEpoch(batch.images, batch.labels, batch.count, 8, learningRate,
                WEIGHT_DECAY, 5, (iteration, loss) -> {
                    seen[0] = iteration;
                    seen[1] = loss;
                });

        assertEquals(1f, seen[0]);
        assertEquals(lossBefore, seen[1], 1e-6);
        assertEquals(lossBefore, stats.loss(), 1e-6);
        assertEquals(8, stats.samples());
        float[][][] w0 = before.weightsView();
        float[][][] w1 = net.weightsView();
        for (int l = 0; l < w0.length; l++) {
            for (int j = 0; j < w0[l].length; j++) {
                for (int k = 0; k < w0[l][j].length; k++) {
                    assertEquals(w0[l][j][k] - learningRate * g.weights()[l][j][k], w1[l][j][k], 1e-6,
                            "weight " + l + "/" + j + "/" + k);
                }
            }
        }
        float[][] b0 = before.biasesView();
        float[][] b1 = net.biasesView();
        for (int l = 0; l < b0.length; l++) {
            for (int j = 0; j < b0[l].length; j++) {
                assertEquals(b0[l][j] - learningRate * g.biases()[l][j], b1[l][j], 1e-6, "bias " + l + "/" + j);
            }
        }
        // The decay term is really there: without it the weights would have moved differently.
        ScratchMlp noDecay = before.copy();
        noDecay.trainEpoch(batch.images, batch.labels, batch.count, 8, learningRate, 0f, 5, null);
        float expectedShift = learningRate * WEIGHT_DECAY * w0[0][0][0];
        assertEquals(expectedShift, noDecay.weightsView()[0][0][0] - w1[0][0][0], 1e-6);
        assertEquals(b1[0][0], noDecay.biasesView()[0][0], 0f);
    }

    /**
     * The objective that SGD descends, for the batch as one: the mean cross-entropy plus
     * {@code (weightDecay / 2) · Σ W²}, accumulated in double.
     */
    private static double objective(ScratchMlp net, ScratchData batch) {
        double squares = 0;
        for (float[][] w : net.weightsView()) {
            for (float[] row : w) {
                for (float v : row) {
                    squares += (double) v * v;
                }
            }
        }
        return net.evaluate(batch.images, batch.labels, batch.count).loss() + WEIGHT_DECAY / 2.0 * squares;
    }
}
