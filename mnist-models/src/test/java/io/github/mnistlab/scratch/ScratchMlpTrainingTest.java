package io.github.mnistlab.scratch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mnistlab.train.EpochStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Learning, determinism and the bookkeeping of an epoch. */
class ScratchMlpTrainingTest {
    private static final int[] SIZES = {784, 30, 10};

    @Test
    void learnsTheBrightestGroupRule() {
        ScratchData train = ScratchData.groups(2000, 1);
        ScratchData test = ScratchData.groups(500, 2);
        ScratchMlp net = new ScratchMlp(SIZES, 17);
        EpochStats initial = net.evaluate(test.images, test.labels, test.count);
        assertTrue(initial.accuracy() < 0.3, "untrained accuracy " + initial.accuracy());

        double[] losses = new double[3];
        for (int epoch = 0; epoch < losses.length; epoch++) {
            EpochStats stats = net.trainEpoch(train.images, train.labels, train.count, 10, 0.1f, 1e-4f,
                    100 + epoch, null);
            assertEquals(train.count, stats.samples());
            losses[epoch] = stats.loss();
        }
        EpochStats after = net.evaluate(test.images, test.labels, test.count);

        assertTrue(losses[0] > losses[1] && losses[1] > losses[2], "epoch losses " + Arrays.toString(losses));
        assertTrue(after.loss() < initial.loss() / 4, "test loss " + initial.loss() + " -> " + after.loss());
        assertTrue(after.accuracy() >= 0.95, "test accuracy " + after.accuracy());
        assertEquals(1 - after.accuracy(), after.error(), 1e-12);
    }

    @Test
    void deepNetsLearnToo() {
        ScratchData train = ScratchData.groups(2000, 3);
        ScratchData test = ScratchData.groups(500, 4);
        ScratchMlp net = new ScratchMlp(new int[] {784, 40, 20, 16, 10}, 5);
        for (int epoch = 0; epoch < 6; epoch++) {
            net.trainEpoch(train.images, train.labels, train.count, 16, 0.5f, 0f, epoch, null);
        }
        EpochStats after = net.evaluate(test.images, test.labels, test.count);
        assertTrue(after.accuracy() >= 0.95, "test accuracy " + after.accuracy());
    }

    @Test
    void sameSeedsGiveBitIdenticalResults() {
        ScratchData train = ScratchData.groups(300, 5);
        ScratchMlp a = new ScratchMlp(SIZES, 9);
        ScratchMlp b = new ScratchMlp(SIZES, 9);
        ScratchMlp c = a.copy();
        for (int epoch = 0; epoch < 2; epoch++) {
            EpochStats sa = a.trainEpoch(train.images, train.labels, train.count, 7, 0.2f, 1e-3f, epoch, null);
            EpochStats sb = b.trainEpoch(train.images, train.labels, train.count, 7, 0.2f, 1e-3f, epoch, null);
            c.trainEpoch(train.images, train.labels, train.count, 7, 0.2f, 1e-3f, epoch, null);
            assertEquals(sa.loss(), sb.loss(), 0.0);
            assertEquals(sa.accuracy(), sb.accuracy(), 0.0);
        }
        float[] pa = a.predictProbabilities(train.images, train.count);
        assertArrayEquals(pa, b.predictProbabilities(train.images, train.count));
        assertArrayEquals(pa, c.predictProbabilities(train.images, train.count));
        assertTrue(Arrays.deepEquals(a.weightsView(), b.weightsView()));

        ScratchMlp otherShuffle = new ScratchMlp(SIZES, 9);
        for (int epoch = 0; epoch < 2; epoch++) {
            otherShuffle.trainEpoch(train.images, train.labels, train.count, 7, 0.2f, 1e-3f, 1000 + epoch, null);
        }
        assertFalse(Arrays.deepEquals(a.weightsView(), otherShuffle.weightsView()));
        assertFalse(Arrays.equals(pa, otherShuffle.predictProbabilities(train.images, train.count)));

        assertFalse(Arrays.deepEquals(new ScratchMlp(SIZES, 9).weightsView(),
                new ScratchMlp(SIZES, 10).weightsView()));
    }

    @Test
    void aSamplesOutputsDoNotDependOnItsBlock() {
        ScratchData data = ScratchData.groups(301, 6);
        ScratchMlp net = new ScratchMlp(SIZES, 2);
        net.trainEpoch(data.images, data.labels, data.count, 32, 0.1f, 0f, 1, null);
        float[] all = net.predictProbabilities(data.images, data.count);
        assertEquals(301 * 10, all.length);
        for (int i : new int[] {0, 3, 64, 130, 255, 256, 300}) {
            float[] one = net.predictProbabilities(Arrays.copyOfRange(data.images, i * 784, (i + 1) * 784), 1);
            assertArrayEquals(Arrays.copyOfRange(all, i * 10, (i + 1) * 10), one, "sample " + i);
            double sum = 0;
            for (float p : one) {
                sum += p;
            }
            assertEquals(1.0, sum, 1e-5);
        }
        assertEquals(0, net.predictProbabilities(data.images, 0).length);
    }

    @Test
    void evaluationLossIsTheMeanNegativeLogProbabilityOfTheLabel() {
        ScratchData data = ScratchData.groups(150, 8);
        ScratchMlp net = new ScratchMlp(SIZES, 4);
        net.trainEpoch(data.images, data.labels, data.count, 10, 0.1f, 0f, 1, null);
        float[] p = net.predictProbabilities(data.images, data.count);
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < data.count; i++) {
            loss -= Math.log(p[i * 10 + data.labels[i]]);
            int best = 0;
            for (int j = 1; j < 10; j++) {
                if (p[i * 10 + j] > p[i * 10 + best]) {
                    best = j;
                }
            }
            correct += best == data.labels[i] ? 1 : 0;
        }
        EpochStats stats = net.evaluate(data.images, data.labels, data.count);
        assertEquals(loss / data.count, stats.loss(), 1e-5);
        assertEquals(correct / (double) data.count, stats.accuracy(), 1e-12);
        assertEquals(150, stats.samples());
        assertTrue(stats.seconds() >= 0);
    }

    @Test
    void theLastPartialBatchIsUsedAndEveryBatchReported() {
        ScratchData data = ScratchData.groups(25, 9);
        ScratchMlp net = new ScratchMlp(SIZES, 1);
        List<Long> iterations = new ArrayList<>();
        List<Float> losses = new ArrayList<>();
        EpochStats stats = net.trainEpoch(data.images, data.labels, data.count, 10, 0.1f, 0f, 3,
                (iteration, loss) -> {
                    iterations.add(iteration);
                    losses.add(loss);
                });
        assertEquals(List.of(1L, 2L, 3L), iterations);
        assertEquals(25, stats.samples());
        double weighted = (10.0 * losses.get(0) + 10.0 * losses.get(1) + 5.0 * losses.get(2)) / 25;
        assertEquals(weighted, stats.loss(), 1e-6);
    }

    @Test
    void permutationIsASeededFisherYatesShuffle() {
        int[] p = ScratchMlp.permutation(1000, 77);
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        assertArrayEquals(p, ScratchMlp.permutation(1000, 77));
        assertFalse(Arrays.equals(p, ScratchMlp.permutation(1000, 78)));
        // One step by hand: n = 2 swaps 1 with nextInt(2) of a fresh generator.
        int j = new java.util.SplittableRandom(5).nextInt(2);
        assertArrayEquals(j == 0 ? new int[] {1, 0} : new int[] {0, 1}, ScratchMlp.permutation(2, 5));
    }
}
