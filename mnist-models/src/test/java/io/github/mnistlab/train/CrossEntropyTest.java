package io.github.mnistlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;

class CrossEntropyTest {
    /** The loss and its gradient with respect to the logits. */
    private static float[][] lossAndGradient(Loss loss, float[] logits, long[] labels, int classes) {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray x = manager.create(logits, new Shape(labels.length, classes));
            x.setRequiresGradient(true);
            NDArray y = manager.create(labels);
            float value;
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray l = loss.evaluate(new NDList(y), new NDList(x));
                value = l.getFloat();
                collector.backward(l);
            }
            return new float[][] {{value}, x.getGradient().toFloatArray()};
        }
    }

    @Test
    void equalsDjlsSoftmaxCrossEntropyInValueAndGradient() {
        java.util.Random random = new java.util.Random(3);
        int batch = 7;
        int classes = 19;
        float[] logits = new float[batch * classes];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) random.nextGaussian() * 3;
        }
        long[] labels = new long[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(classes);
        }
        float[][] djl = lossAndGradient(Loss.softmaxCrossEntropyLoss(), logits, labels, classes);
        float[][] ours = lossAndGradient(new CrossEntropy(), logits, labels, classes);
        assertEquals(djl[0][0], ours[0][0], 1e-5f);
        assertArrayEquals(djl[1], ours[1], 1e-6f);
    }

    @Test
    void isMinusTheMeanLogProbabilityOfTheTrueClass() {
        // two samples, two classes: logits (0, ln 3) → p = (1/4, 3/4); (0, 0) → p = (1/2, 1/2)
        float[][] r = lossAndGradient(new CrossEntropy(), new float[] {0, (float) Math.log(3), 0, 0}, new long[] {1, 0}, 2);
        double expected = -(Math.log(0.75) + Math.log(0.5)) / 2;
        assertEquals(expected, r[0][0], 1e-6);
        // d/dlogits = (softmax − onehot) / batch
        assertArrayEquals(new float[] {0.125f, -0.125f, -0.25f, 0.25f}, r[1], 1e-6f);
    }

    @Test
    void labelSmoothingMixesTheUniformTargetIntoTheLoss() {
        // the same two samples with ε = 0.2 over K = 2 classes: target (0.1, 0.9) for label 1, (0.9, 0.1) for label 0
        float[][] r = lossAndGradient(new CrossEntropy(0.2f), new float[] {0, (float) Math.log(3), 0, 0},
                new long[] {1, 0}, 2);
        double first = -(0.1 * Math.log(0.25) + 0.9 * Math.log(0.75));
        double second = -(0.9 * Math.log(0.5) + 0.1 * Math.log(0.5));
        assertEquals((first + second) / 2, r[0][0], 1e-6); // 0.4163…, against 0.4904 unsmoothed
        // d/dlogits = (softmax − target) / batch
        assertArrayEquals(new float[] {(0.25f - 0.1f) / 2, (0.75f - 0.9f) / 2, (0.5f - 0.9f) / 2, (0.5f - 0.1f) / 2},
                r[1], 1e-6f);
    }

    @Test
    void aSmoothingOutsideZeroToOneIsNamed() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropy(1.5f));
        assertEquals("label smoothing is 1.5, expected 0 ≤ ε < 1", e.getMessage());
    }
}
