package io.github.mnistlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.github.mnistlab.run.ModelFactory;
import io.github.mnistlab.spec.ActivationKind;
import io.github.mnistlab.spec.ConvStage;
import io.github.mnistlab.spec.Presets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Output shapes and parameter counts of every builder, counted by hand from the labs' layer sizes. */
class BuildersTest {
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager("PyTorch");
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private long params(Block block, Shape... inputs) {
        block.initialize(manager, DataType.FLOAT32, inputs);
        return ModelFactory.parameterCount(block);
    }

    @Test
    void smallCnnHasTheLabsLayersIncludingThe392To512Layer() {
        Block cnn = ModelFactory.block(Presets.get("cnn-small"), manager);
        long total = params(cnn, ModelFactory.DIGIT_SHAPE);
        // conv 1→4 3×3: 40; conv 4→8 3×3: 296; fc 392→512: 201,216; fc 512→10: 5,130
        assertEquals(40 + 296 + 201_216 + 5_130, total);
        assertEquals(201_216, cnn.getParameters().values().stream()
                .filter(p -> p.getArray().getShape().equals(new Shape(512, 392)) || p.getArray().getShape().equals(new Shape(512)))
                .mapToLong(p -> p.getArray().getShape().size()).sum());
        assertArrayEquals(new Shape[] {new Shape(7, 10)}, cnn.getOutputShapes(new Shape[] {new Shape(7, 1, 28, 28)}));
    }

    @Test
    void lenetAndWideCnnAndMlpCounts() {
        // conv 1→10 5×5: 260; conv 10→20 5×5: 5,020; fc 320→10: 3,210
        assertEquals(8_490, params(ModelFactory.block(Presets.get("cnn-lenet"), manager), ModelFactory.DIGIT_SHAPE));
        // conv 1→32: 320; conv 32→64: 18,496; fc 9216→128: 1,179,776; fc 128→10: 1,290
        assertEquals(1_199_882, params(ModelFactory.block(Presets.get("cnn-wide"), manager), ModelFactory.DIGIT_SHAPE));
        // 784→30: 23,550; 30→10: 310
        assertEquals(23_860, params(ModelFactory.block(Presets.get("mlp"), manager), ModelFactory.DIGIT_SHAPE));
        Block threeLayers = Mlp.builder().setHidden(List.of(128, 64, 32)).optActivation(ActivationKind.RELU).build();
        assertEquals(784 * 128 + 128 + 128 * 64 + 64 + 64 * 32 + 32 + 32 * 10 + 10,
                params(threeLayers, ModelFactory.DIGIT_SHAPE));
    }

    @Test
    void scratchAdderExtracts2000FeaturesPerImage() {
        Block features = Cnn.builder().setStages(Presets.get("adder-scratch").stages()).setOutputs(1).buildFeatures();
        features.initialize(manager, DataType.FLOAT32, ModelFactory.DIGIT_SHAPE);
        assertArrayEquals(new Shape[] {new Shape(3, 2000)}, features.getOutputShapes(new Shape[] {new Shape(3, 1, 28, 28)}));

        Block adder = ModelFactory.block(Presets.get("adder-scratch"), manager);
        // extractor 260 + 1,820 (shared), fc 4000→128: 512,128, fc 128→19: 2,451
        assertEquals(260 + 1_820 + 512_128 + 2_451, params(adder, ModelFactory.DIGIT_SHAPE, ModelFactory.DIGIT_SHAPE));
        assertArrayEquals(new Shape[] {new Shape(5, 19)},
                adder.getOutputShapes(new Shape[] {new Shape(5, 1, 28, 28), new Shape(5, 1, 28, 28)}));
    }

    @Test
    void transferAdderUsesOneSetOfCnnParametersForBothImages() {
        Block cnn = ModelFactory.block(Presets.get("cnn-lenet"), manager);
        cnn.initialize(manager, DataType.FLOAT32, ModelFactory.DIGIT_SHAPE);
        PairBlock adder = DigitAdder.transfer().setDigitClassifier(cnn).build();
        // the CNN once (8,490) + Linear(20,19) 399 + Linear(19,19) 380
        assertEquals(8_490 + 399 + 380, params(adder, ModelFactory.DIGIT_SHAPE, ModelFactory.DIGIT_SHAPE));

        // Swapping the two images only swaps the halves of the joined features: the same weights serve both.
        NDArray a = manager.randomUniform(0, 1, new Shape(4, 1, 28, 28));
        NDArray b = manager.randomUniform(0, 1, new Shape(4, 1, 28, 28));
        ParameterStore store = new ParameterStore(manager, false);
        NDArray left = adder.perDigit().forward(store, new NDList(a), false).singletonOrThrow();
        NDArray right = adder.perDigit().forward(store, new NDList(b), false).singletonOrThrow();
        NDArray viaCnnA = cnn.forward(store, new NDList(a), false).singletonOrThrow().softmax(1);
        assertArrayEquals(viaCnnA.toFloatArray(), left.toFloatArray(), 1e-5f);
        NDArray joined = left.concat(right, 1);
        NDArray out = adder.head().forward(store, new NDList(joined), false).singletonOrThrow();
        NDArray direct = adder.forward(store, new NDList(a, b), false).singletonOrThrow();
        assertArrayEquals(out.toFloatArray(), direct.toFloatArray(), 1e-5f);

        DigitAdder.transfer().setDigitClassifier(cnn).optFreeze(true).build();
        assertEquals(0, cnn.getParameters().values().stream().filter(Parameter::requiresGradient).count(),
                "a frozen classifier has no trainable parameter");
    }

    @Test
    void batchNormFollowsEachConvolutionWhichThenHasNoBias() {
        Block cnn = Cnn.builder().addStage(new ConvStage(4, 3, 1, 2)).addStage(new ConvStage(8, 3, 1, 2))
                .optBatchNorm(true).setOutputs(10).build();
        // conv 1→4 3×3 without bias: 36; batch norm: γ, β, running mean and variance, 4 each; conv 4→8: 288;
        // batch norm 4 × 8; fc 392→10: 3,930
        assertEquals(36 + 16 + 288 + 32 + 3_930, params(cnn, ModelFactory.DIGIT_SHAPE));
        List<String> kinds = ((ai.djl.nn.SequentialBlock) cnn.getChildren().get(0).getValue()).getChildren().values()
                .stream().map(b -> b.getClass().getSimpleName()).toList();
        assertEquals(List.of("UnfoldConv2d", "BatchNorm"), kinds.subList(0, 2));
        assertEquals(List.of("Conv2d", "BatchNorm"), kinds.subList(4, 6));
        // the running statistics are kept but not trained: 2 × (4 + 8) of the 4,302 parameters
        assertEquals(4_302 - 24, cnn.getParameters().values().stream().filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getArray().getShape().size()).sum());
        NDArray out = cnn.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(new Shape(5, 1, 28, 28))),
                true).singletonOrThrow();
        assertEquals(new Shape(5, 10), out.getShape());
    }

    @Test
    void improvedCnnCount() {
        // conv 1→32 3×3: 288 + batch norm 128; conv 32→64: 18,432 + 256; conv 64→128: 73,728 + 512; fc 1152→10: 11,530
        assertEquals(104_874, params(ModelFactory.block(Presets.get("cnn-plus"), manager), ModelFactory.DIGIT_SHAPE));
        // mlp-plus: 784→512: 401,920; 512→512: 262,656; 512→10: 5,130
        assertEquals(669_706, params(ModelFactory.block(Presets.get("mlp-plus"), manager), ModelFactory.DIGIT_SHAPE));
    }

    /** The values of {@code block}'s first parameter whose name ends with {@code suffix}. */
    private static float[] first(Block block, String suffix) {
        return block.getParameters().stream().filter(p -> p.getKey().endsWith(suffix)).findFirst().orElseThrow()
                .getValue().getArray().toFloatArray();
    }

    @Test
    void aFrozenClassifierRunsInInferenceModeInsideATrainingAdder() {
        for (boolean freeze : new boolean[] {true, false}) {
            Block classifier = ModelFactory.block(Presets.get("cnn-plus"), manager); // batch norm and dropout 0.25
            classifier.initialize(manager, DataType.FLOAT32, ModelFactory.DIGIT_SHAPE);
            PairBlock adder = DigitAdder.transfer().setDigitClassifier(classifier).optFreeze(freeze).build();
            adder.initialize(manager, DataType.FLOAT32, ModelFactory.DIGIT_SHAPE, ModelFactory.DIGIT_SHAPE);
            float[] meanBefore = first(classifier, "runningMean");
            NDList pair = new NDList(manager.randomNormal(new Shape(8, 1, 28, 28)).add(1),
                    manager.randomNormal(new Shape(8, 1, 28, 28)));
            ParameterStore store = new ParameterStore(manager, false);
            float[] once = adder.forward(store, pair, true).singletonOrThrow().toFloatArray();
            float[] twice = adder.forward(store, pair, true).singletonOrThrow().toFloatArray();
            if (freeze) {
                // no dropout masks, the kept statistics: the same output, and the statistics are not updated
                assertArrayEquals(once, twice);
                assertArrayEquals(meanBefore, first(classifier, "runningMean"));
            } else {
                // fine-tuned: the classifier trains with the adder, dropout and batch statistics included
                assertFalse(java.util.Arrays.equals(once, twice));
                assertFalse(java.util.Arrays.equals(meanBefore, first(classifier, "runningMean")));
            }
        }
    }

    @Test
    void theDigitBottleneckAddsTheTwoDigitDistributionsExactly() {
        // digit a: 3 with probability 0.9 (0.1 spread over the others); digit b: certain 5 (logits far apart)
        float[] logits = new float[20];
        for (int i = 0; i < 10; i++) {
            logits[i] = i == 3 ? (float) Math.log(0.9 * 9 / 0.1) : 0;
            logits[10 + i] = i == 5 ? 60 : 0;
        }
        float[] sums = DigitAdder.sumOfDigits(manager.create(logits, new Shape(1, 20))).exp().toFloatArray();
        assertEquals(19, sums.length);
        assertEquals(0.9f, sums[8], 1e-5f);                 // 3 + 5
        assertEquals(0.1f / 9, sums[5], 1e-5f);             // 0 + 5
        assertEquals(0f, sums[4], 1e-6f);                   // b is never below 5
        assertEquals(1f, (float) java.util.stream.IntStream.range(0, 19).mapToDouble(i -> sums[i]).sum(), 1e-5f);

        PairBlock adder = DigitAdder.scratch().setStages(List.of(ConvStage.of(10, 5))).optHidden(List.of(32))
                .optDigitBottleneck(true).build();
        // per digit: conv 1→10 5×5: 260; fc 1440→32: 46,112; fc 32→10: 330; the sum head has no parameters
        assertEquals(260 + 46_112 + 330, params(adder, ModelFactory.DIGIT_SHAPE, ModelFactory.DIGIT_SHAPE));
        NDArray out = adder.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(new Shape(4, 1, 28, 28)),
                manager.randomNormal(new Shape(4, 1, 28, 28))), false).singletonOrThrow();
        assertEquals(new Shape(4, 19), out.getShape());
        assertArrayEquals(new float[] {1, 1, 1, 1}, out.exp().sum(new int[] {1}).toFloatArray(), 1e-5f);
    }

    @Test
    void buildersNameTheBadValue() {
        IllegalArgumentException kernel = assertThrows(IllegalArgumentException.class, () -> Cnn.builder()
                .addStage(ConvStage.of(10, 5)).addStage(ConvStage.of(20, 5)).addStage(ConvStage.of(40, 5))
                .setOutputs(10).build());
        assertEquals("conv stage 3 has a 5×5 kernel but meets a 4×4 feature map (after padding);"
                + " use a smaller kernel, more padding or fewer stages", kernel.getMessage());

        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> Mlp.builder().setHidden(List.of(10, 10, 10, 10)).build());
        assertEquals("an MLP has k = 4 hidden layers [10, 10, 10, 10], expected 1 ≤ k ≤ 3", k.getMessage());

        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> Mlp.builder().setHidden(List.of(0)).build());
        assertEquals("hidden layer size 0 in [0] must be ≥ 1", size.getMessage());

        IllegalArgumentException dropout = assertThrows(IllegalArgumentException.class, () -> Cnn.builder()
                .addStage(ConvStage.of(4, 3)).setOutputs(10).optDropout(1.5f).build());
        assertEquals("dropout is 1.5, expected a rate in [0, 1)", dropout.getMessage());

        IllegalArgumentException noCnn = assertThrows(IllegalArgumentException.class, () -> DigitAdder.transfer().build());
        assertEquals("the transfer adder needs a trained digit classifier; set one with setDigitClassifier"
                + " (the 'pretrained' run)", noCnn.getMessage());
    }
}
