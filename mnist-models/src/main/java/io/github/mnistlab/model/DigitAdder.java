package io.github.mnistlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.github.mnistlab.spec.ActivationKind;
import io.github.mnistlab.spec.ConvStage;
import io.github.mnistlab.spec.ExperimentSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The two digit adders of the adder lab, each a {@link PairBlock} whose output is the sum 0..18.
 *
 * <ul>
 *   <li>{@link #transfer()}: a trained digit classifier applied to both images (its 10 outputs
 *       each, as probabilities), concatenated (20) → Linear(20, 19) → activation → Linear(19, 19)
 *       (the hidden width is an option);
 *       fine-tuned end
 *       to end, or with the classifier frozen.</li>
 *   <li>{@link #scratch()}: a conv feature extractor applied to both images, concatenated, then a
 *       fully connected module with a hidden layer → 19. (A single linear layer over the 4000
 *       joined features learns the sum far more slowly; the hidden layer is what makes it work.)
 *       With {@code optDigitBottleneck(true)} each image is instead classified on its own into 10
 *       digit logits (the hidden layers per image) and the sum's distribution is computed exactly
 *       from the two digits' distributions, {@link #sumOfDigits}: the network can only learn the
 *       sum by learning the digits.</li>
 * </ul>
 */
public final class DigitAdder {
    /** Classes of the output: the sums 0..18. */
    public static final int SUMS = ExperimentSpec.SUMS;

    private DigitAdder() {
    }

    /** The digit pairs (i, j) of each sum: {@code SUM_OF[10·i + j][i + j] = 1}, else 0; 100 × 19, row-major. */
    private static final float[] SUM_OF = new float[100 * SUMS];

    static {
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                SUM_OF[(10 * i + j) * SUMS + i + j] = 1;
            }
        }
    }

    /**
     * The log-probabilities of the 19 sums of two independent digits, from {@code digits} (B, 20):
     * the two digits' logits side by side. {@code log p(s) = log Σ_{i+j=s} pa(i)·pb(j)}, computed as a
     * log-sum-exp over the 100 pairs (one matrix product with the fixed pair-to-sum matrix). As logits
     * they need no softmax: the log-probabilities already sum to 1.
     */
    public static NDArray sumOfDigits(NDArray digits) {
        long batch = digits.getShape().get(0);
        NDArray a = digits.get(":, 0:10").logSoftmax(1).reshape(batch, 10, 1);
        NDArray b = digits.get(":, 10:20").logSoftmax(1).reshape(batch, 1, 10);
        NDArray pairs = a.add(b).reshape(batch, 100);
        NDArray top = pairs.max(new int[] {1}, true).stopGradient();
        NDArray sumOf;
        try (NDArray javaOwned = digits.getManager().create(SUM_OF, new Shape(100, SUMS))) {
            sumOf = javaOwned.duplicate(); // in libtorch's memory: the backward pass reads it (see Scalars)
        }
        NDArray sums = pairs.sub(top).exp().matMul(sumOf);
        try (NDArray floor = Scalars.of(sums, 1e-30f)) { // read again by the backward pass (see Scalars)
            return sums.maximum(floor).log().add(top);
        }
    }

    public static TransferBuilder transfer() {
        return new TransferBuilder();
    }

    public static ScratchBuilder scratch() {
        return new ScratchBuilder();
    }

    /** Options of the transfer adder. The pretrained digit block is required. */
    public static final class TransferBuilder {
        private Block digitClassifier;
        private ActivationKind activation = ActivationKind.RELU;
        private List<Integer> hidden = List.of(SUMS);
        private boolean freeze;

        private TransferBuilder() {
        }

        /** Hidden layer sizes of the head over the two digits' 20 probabilities; default [19], the lab's. */
        public TransferBuilder optHidden(List<Integer> hidden) {
            this.hidden = List.copyOf(hidden);
            return this;
        }

        /** The trained digit classifier (10 outputs), with its parameters already loaded. */
        public TransferBuilder setDigitClassifier(Block classifier) {
            this.digitClassifier = classifier;
            return this;
        }

        /** Activation after each hidden layer of the head; default relu. */
        public TransferBuilder optActivation(ActivationKind activation) {
            this.activation = activation;
            return this;
        }

        /** Keep the classifier's parameters fixed and train only the head; default false (fine-tune). */
        public TransferBuilder optFreeze(boolean freeze) {
            this.freeze = freeze;
            return this;
        }

        public PairBlock build() {
            if (digitClassifier == null) {
                throw new IllegalArgumentException("the transfer adder needs a trained digit classifier;"
                        + " set one with setDigitClassifier (the 'pretrained' run)");
            }
            SequentialBlock head = new SequentialBlock();
            for (int units : hidden) {
                if (units < 1) {
                    throw new IllegalArgumentException("hidden layer size " + units + " in " + hidden + " must be ≥ 1");
                }
                head.add(Linear.builder().setUnits(units).build()).add(Activations.block(activation));
            }
            head.add(Linear.builder().setUnits(SUMS).build());
            // As in the lab, the adder sees each digit as a probability vector (softmax of the classifier).
            // A frozen classifier also runs in inference mode: no dropout, batch norm with its kept statistics.
            SequentialBlock perDigit = new SequentialBlock().add(freeze ? new InferenceBlock(digitClassifier) : digitClassifier)
                    .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().softmax(1)), "softmax"));
            PairBlock adder = new PairBlock(perDigit, head);
            if (freeze) {
                digitClassifier.freezeParameters(true);
            }
            return adder;
        }
    }

    /** Options of the from-scratch adder. The conv stages are required. */
    public static final class ScratchBuilder {
        private List<ConvStage> stages;
        private List<Integer> hidden = List.of(128);
        private ActivationKind activation = ActivationKind.RELU;
        private boolean batchNorm;
        private boolean digitBottleneck;

        private ScratchBuilder() {
        }

        /**
         * Classify each image into 10 digit logits (the hidden layers per image) and compute the sum's
         * distribution exactly from the two ({@link DigitAdder#sumOfDigits}); default false (the lab's
         * fully connected module over both images' features).
         */
        public ScratchBuilder optDigitBottleneck(boolean digitBottleneck) {
            this.digitBottleneck = digitBottleneck;
            return this;
        }

        /** Batch normalization after each convolution of the feature extractor; default false. */
        public ScratchBuilder optBatchNorm(boolean batchNorm) {
            this.batchNorm = batchNorm;
            return this;
        }

        /** The per-image feature extractor's conv stages. */
        public ScratchBuilder setStages(List<ConvStage> stages) {
            this.stages = List.copyOf(stages);
            return this;
        }

        /** Hidden layer sizes of the fully connected module; default [128]; at least one. */
        public ScratchBuilder optHidden(List<Integer> hidden) {
            this.hidden = List.copyOf(hidden);
            return this;
        }

        public ScratchBuilder optActivation(ActivationKind activation) {
            this.activation = activation;
            return this;
        }

        public PairBlock build() {
            if (stages == null || stages.isEmpty()) {
                throw new IllegalArgumentException("the scratch adder needs conv stages for its feature extractor");
            }
            if (hidden.isEmpty()) {
                throw new IllegalArgumentException("the scratch adder's fully connected module needs a hidden layer"
                        + " (e.g. [128]); a single linear layer over the joined features barely learns the sum");
            }
            Block features = Cnn.builder().setStages(stages).optActivation(activation).optBatchNorm(batchNorm).setOutputs(1)
                    .buildFeatures();
            List<Block> dense = new ArrayList<>();
            for (int units : hidden) {
                if (units < 1) {
                    throw new IllegalArgumentException("hidden layer size " + units + " in " + hidden + " must be ≥ 1");
                }
                dense.add(Linear.builder().setUnits(units).build());
                dense.add(Activations.block(activation));
            }
            if (digitBottleneck) {
                SequentialBlock perDigit = new SequentialBlock().add(features).addAll(dense)
                        .add(Linear.builder().setUnits(10).build());
                return new PairBlock(perDigit, new LambdaBlock(x -> new NDList(sumOfDigits(x.singletonOrThrow())),
                        "sumOfDigits"));
            }
            return new PairBlock(features, new SequentialBlock().addAll(dense).add(Linear.builder().setUnits(SUMS).build()));
        }
    }
}
