package io.github.mnistlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

class MaskDropoutTest {
    private static final int N = 200_000;

    @Test
    void trainingZeroesAboutRateOfTheElementsAndScalesTheRest() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Engine.getInstance().setRandomSeed(3);
            NDArray x = manager.ones(new Shape(N / 400, 400));
            x.setRequiresGradient(true);
            MaskDropout dropout = new MaskDropout(0.25f);
            NDArray y;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                y = dropout.forward(new ParameterStore(manager, false), new NDList(x), true).singletonOrThrow();
                collector.backward(y.sum());
            }
            float[] values = y.toFloatArray();
            int zeros = 0;
            for (float v : values) {
                if (v == 0) {
                    zeros++;
                } else {
                    assertEquals(1 / 0.75f, v, 0f);
                }
            }
            // 200,000 draws: the share of zeros is 0.25 to within 5 standard deviations (0.0048)
            assertEquals(0.25, zeros / (double) N, 0.005);
            // the gradient is the same mask and scale
            assertArrayEquals(values, x.getGradient().toFloatArray(), 0f);
        }
    }

    @Test
    void inferencePassesTheInputThrough() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray x = manager.randomNormal(new Shape(8, 16));
            NDArray y = new MaskDropout(0.5f).forward(new ParameterStore(manager, false), new NDList(x), false)
                    .singletonOrThrow();
            assertArrayEquals(x.toFloatArray(), y.toFloatArray(), 0f);
        }
    }

    @Test
    void aRateOutsideZeroToOneIsRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MaskDropout(1f));
        assertEquals("dropout rate is 1.0, expected 0 ≤ rate < 1, e.g. 0.5", e.getMessage());
    }

    @Test
    void readsAndWritesTheParameterFilesOfDjlsDropout() throws Exception {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            SequentialBlock withDjl = new SequentialBlock().add(Linear.builder().setUnits(4).build())
                    .add(Dropout.builder().optRate(0.5f).build());
            withDjl.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            withDjl.saveParameters(new DataOutputStream(saved));

            SequentialBlock withMask = new SequentialBlock().add(Linear.builder().setUnits(4).build())
                    .add(new MaskDropout(0.5f));
            withMask.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
            withMask.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));
            assertArrayEquals(withDjl.getChildren().get(0).getValue().getParameters().get(0).getValue().getArray().toFloatArray(),
                    withMask.getChildren().get(0).getValue().getParameters().get(0).getValue().getArray().toFloatArray(), 0f);

            ByteArrayOutputStream again = new ByteArrayOutputStream();
            withMask.saveParameters(new DataOutputStream(again));
            assertArrayEquals(saved.toByteArray(), again.toByteArray());
            assertTrue(saved.size() > 0);
        }
    }
}
