package io.github.mnistlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.mnistlab.run.ModelFactory;
import io.github.mnistlab.spec.Presets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The unfolded convolution against DJL's own: the same output and the same weight and bias gradients
 * for the same parameters, with and without padding, stride and dilation.
 */
class UnfoldConv2dTest {
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager("PyTorch");
        Engine.getEngine("PyTorch").setRandomSeed(7);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @ParameterizedTest(name = "{0} filters, {1}×{1} kernel, padding {2}, stride {3}, dilation {4}, {5}×{6} input")
    @CsvSource({"10, 5, 0, 1, 1, 28, 28", "4, 3, 1, 1, 1, 28, 28", "32, 3, 0, 1, 1, 28, 28",
            "6, 3, 2, 2, 1, 13, 17", "5, 3, 1, 1, 2, 12, 12"})
    void matchesDjlsConvolutionInOutputAndGradients(int filters, int kernel, int padding, int stride, int dilation,
            int height, int width) {
        Conv2d reference = Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(padding, padding)).optStride(new Shape(stride, stride))
                .optDilation(new Shape(dilation, dilation)).build();
        Conv2d unfold = UnfoldConv2d.unfoldBuilder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(padding, padding)).optStride(new Shape(stride, stride))
                .optDilation(new Shape(dilation, dilation)).build();
        Shape input = new Shape(3, 1, height, width);
        reference.initialize(manager, DataType.FLOAT32, input);
        unfold.initialize(manager, DataType.FLOAT32, input);
        unfold.getParameters().get("weight").getArray().set(reference.getParameters().get("weight").getArray().toFloatArray());
        unfold.getParameters().get("bias").getArray().set(reference.getParameters().get("bias").getArray().toFloatArray());
        NDArray x = manager.randomNormal(input);

        NDList expected = forwardAndBackward(reference, x);
        NDList actual = forwardAndBackward(unfold, x);

        assertEquals(expected.get(0).getShape(), actual.get(0).getShape());
        assertArrayEquals(reference.getOutputShapes(new Shape[] {input}), unfold.getOutputShapes(new Shape[] {input}));
        for (int i = 0; i < expected.size(); i++) {
            float[] e = expected.get(i).toFloatArray();
            float[] a = actual.get(i).toFloatArray();
            assertEquals(e.length, a.length);
            for (int j = 0; j < e.length; j++) {
                assertEquals(e[j], a[j], 1e-4 * Math.max(1, Math.abs(e[j])),
                        new String[] {"output", "weight gradient", "bias gradient"}[i] + " element " + j);
            }
        }
    }

    /** The output, and the weight and bias gradients of a loss that weighs every output element differently. */
    private NDList forwardAndBackward(Block conv, NDArray x) {
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray out = conv.forward(new ParameterStore(manager, false), new NDList(x), true).singletonOrThrow();
            NDArray weights = manager.arange((float) out.size()).reshape(out.getShape()).mul(0.01f).sin();
            collector.backward(out.mul(weights).sum());
            return new NDList(out.duplicate(), conv.getParameters().get("weight").getArray().getGradient().duplicate(),
                    conv.getParameters().get("bias").getArray().getGradient().duplicate());
        }
    }

    @Test
    void everyCnnStartsWithAnUnfoldedConvolutionAndKeepsDjlsForTheOthers() {
        for (String preset : new String[] {"cnn-small", "cnn-lenet", "cnn-wide"}) {
            Block cnn = ModelFactory.block(Presets.get(preset), manager);
            SequentialBlock features = (SequentialBlock) cnn.getChildren().get(0).getValue();
            long unfolded = features.getChildren().values().stream().filter(UnfoldConv2d.class::isInstance).count();
            long convs = features.getChildren().values().stream().filter(Conv2d.class::isInstance).count();
            assertEquals(1, unfolded, preset);
            assertInstanceOf(UnfoldConv2d.class, features.getChildren().get(0).getValue(), preset);
            assertTrue(convs >= 2, preset);
        }
    }
}
