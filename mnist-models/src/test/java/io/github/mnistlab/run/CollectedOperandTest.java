package io.github.mnistlab.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;
import io.github.mnistlab.model.Scalars;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.Presets;
import io.github.mnistlab.train.EngineMemory;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A garbage collection between the forward and the backward pass changes no gradient: nothing the
 * backward pass reads lives in a Java buffer the collector may free (see {@link Scalars}).
 */
class CollectedOperandTest {
    /**
     * The engine's hazard itself: DJL's {@code mul(Number)} leaves the backward pass a tensor over a
     * Java buffer it has closed; once the collector frees it, the gradient is garbage. If this starts
     * failing, DJL copies such operands now and {@link Scalars} can go.
     */
    @Test
    void aDjlNumberOperandIsReadFromFreedMemoryByTheBackwardPass() {
        assertNotEquals(3f, gradientOfTimesThree(true, false), "DJL's x.mul(3f) after a collection");
        assertEquals(3f, gradientOfTimesThree(true, true), "Scalars.times(x, 3) after a collection");
        assertEquals(3f, gradientOfTimesThree(false, false), "DJL's x.mul(3f) without a collection");
    }

    /** The gradient of {@code sum(3·x)} at one element, with a collection between the passes or not. */
    private static float gradientOfTimesThree(boolean collect, boolean scalars) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray x = manager.ones(new Shape(4));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray y = scalars ? Scalars.times(x, 3f) : x.mul(3f);
                NDArray loss = y.sum();
                if (collect) {
                    collectFreedBuffers();
                }
                collector.backward(loss);
            }
            return x.getGradient().toFloatArray()[0];
        }
    }

    /** Every network with an operation that takes a number in its training pass: dropout, label smoothing, the adder's floor. */
    @ParameterizedTest
    @ValueSource(strings = {"mlp-plus", "cnn-small", "cnn-wide", "cnn-plus", "adder-scratch-plus"})
    void aCollectionBetweenTheForwardAndBackwardPassChangesNoGradient(String preset) {
        float[] quiet = gradientNorms(Presets.get(preset), false);
        float[] collected = gradientNorms(Presets.get(preset), true);
        assertArrayEquals(quiet, collected, 0f, preset + ": gradient norms with a collection between the passes");
    }

    /** One training step's gradient norms, one per trainable parameter, on fixed random digits. */
    private static float[] gradientNorms(ExperimentSpec spec, boolean collect) {
        Engine engine = Engine.getEngine("PyTorch");
        EngineMemory.ensure();
        engine.setRandomSeed(7);
        try (Model model = Model.newInstance("collected", Device.cpu(), "PyTorch")) {
            model.setBlock(ModelFactory.block(spec, model.getNDManager()));
            try (Trainer trainer = model.newTrainer(ModelFactory.trainingConfig(spec, Device.cpu(), 1))) {
                Shape[] shapes = ModelFactory.inputShapes(spec);
                trainer.initialize(shapes);
                NDManager manager = trainer.getManager();
                NDList inputs = new NDList();
                for (Shape shape : shapes) {
                    inputs.add(manager.randomNormal(new Shape(16, 1, 28, 28)));
                }
                long classes = spec.model().isAdder() ? ExperimentSpec.SUMS : ExperimentSpec.DIGITS;
                NDList labels = new NDList(manager.randomInteger(0, classes, new Shape(16), DataType.INT64));
                engine.setRandomSeed(11); // the same dropout masks in both runs
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList out = trainer.forward(inputs, labels);
                    NDArray loss = trainer.getLoss().evaluate(labels, out);
                    if (collect) {
                        collectFreedBuffers();
                    }
                    collector.backward(loss);
                }
                List<Float> norms = new ArrayList<>();
                for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                    if (p.getValue().requiresGradient()) {
                        norms.add(p.getValue().getArray().getGradient().norm().getFloat());
                    }
                }
                float[] out = new float[norms.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = norms.get(i);
                }
                return out;
            }
        }
    }

    /** Collects garbage until the JVM has freed some unreachable direct buffers (at most about 2 s). */
    private static void collectFreedBuffers() {
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).findFirst().orElseThrow();
        long before = direct.getCount();
        for (int i = 0; i < 100 && direct.getCount() >= before; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
