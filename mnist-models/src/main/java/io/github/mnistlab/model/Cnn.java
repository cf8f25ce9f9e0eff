package io.github.mnistlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import io.github.mnistlab.spec.ActivationKind;
import io.github.mnistlab.spec.ConvStage;
import io.github.mnistlab.spec.ExperimentSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A convolutional classifier for 1×28×28 digits: conv stages, then a fully connected head.
 *
 * <pre>{@code
 * Block lenet = Cnn.builder()
 *         .addStage(ConvStage.of(10, 5))
 *         .addStage(ConvStage.of(20, 5))
 *         .setOutputs(10)
 *         .build();
 * }</pre>
 *
 * <p>Each stage is conv → pool → activation, the LeNet lab's order. Max-pooling and a monotone
 * activation commute, so this is the same function (and gradient) as conv → activation → pool, with
 * the activation computed on a pooled map, a quarter of the size for 2×2 pooling.
 * {@code optFeatureDropout} is applied after the last stage, {@code optDropout} after each hidden
 * fully connected layer (both {@link MaskDropout}). The first convolution is an {@link UnfoldConv2d}.
 * With {@code optBatchNorm(true)} each convolution is followed by a {@link BatchNorm} (conv → batch
 * norm → pool → activation) and has no bias of its own, which the normalization's shift replaces.
 */
public final class Cnn {
    private Cnn() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The feature maps of the first {@code layers} convolution layers of {@code cnn}, a network this
     * builder built from {@code stages}: each layer's output after its activation and before its
     * pooling (the small-CNN lab's {@code retrieve_features}), for a batch of images, in inference
     * mode. Each map is {@code (batch, channels, side, side)}; the caller closes them.
     */
    public static NDList featureMaps(Block cnn, List<ConvStage> stages, NDArray images, int layers) {
        List<Block> children = firstChild(cnn).getChildren().values();
        ParameterStore parameters = new ParameterStore(images.getManager(), false);
        NDList maps = new NDList();
        NDArray x = images;
        int next = 0;
        for (int s = 0; s < Math.min(layers, stages.size()); s++) {
            NDArray conv = apply(children.get(next++), parameters, x);
            if (children.get(next) instanceof BatchNorm) {
                conv = apply(children.get(next++), parameters, conv);
            }
            Block pool = stages.get(s).pool() > 1 ? children.get(next++) : null;
            Block activation = children.get(next++);
            maps.add(apply(activation, parameters, conv));
            x = apply(activation, parameters, pool == null ? conv : apply(pool, parameters, conv));
        }
        return maps;
    }

    /** The weights of {@code cnn}'s first convolution, {@code (channels, 1, kernel, kernel)}. */
    public static NDArray firstKernels(Block cnn) {
        return firstChild(firstChild(cnn)).getParameters().get("weight").getArray();
    }

    private static Block firstChild(Block block) {
        return block.getChildren().get(0).getValue();
    }

    private static NDArray apply(Block block, ParameterStore parameters, NDArray x) {
        return block.forward(parameters, new NDList(x), false).singletonOrThrow();
    }

    /** Options of a CNN. Stages and outputs are required. */
    public static final class Builder {
        private final List<ConvStage> stages = new ArrayList<>();
        private final List<Integer> hidden = new ArrayList<>();
        private ActivationKind activation = ActivationKind.RELU;
        private boolean batchNorm;
        private float featureDropout;
        private float dropout;
        private int outputs;
        private int inputSide = 28;
        private boolean unfoldFirstConv = true;

        private Builder() {
        }

        /** Appends a conv stage. */
        public Builder addStage(ConvStage stage) {
            stages.add(stage);
            return this;
        }

        /** Replaces the conv stages. */
        public Builder setStages(List<ConvStage> stages) {
            this.stages.clear();
            this.stages.addAll(stages);
            return this;
        }

        /** Sizes of the hidden fully connected layers between the features and the outputs; default none. */
        public Builder optHidden(List<Integer> units) {
            hidden.clear();
            hidden.addAll(units);
            return this;
        }

        public Builder optActivation(ActivationKind activation) {
            this.activation = activation;
            return this;
        }

        /** Batch normalization after each convolution (whose bias it then replaces); default false. */
        public Builder optBatchNorm(boolean batchNorm) {
            this.batchNorm = batchNorm;
            return this;
        }

        /** Dropout rate after the feature extractor; default 0. */
        public Builder optFeatureDropout(float rate) {
            this.featureDropout = rate;
            return this;
        }

        /** Dropout rate after each hidden fully connected layer; default 0. */
        public Builder optDropout(float rate) {
            this.dropout = rate;
            return this;
        }

        /**
         * Whether the first convolution is an {@link UnfoldConv2d} (default true) or DJL's own
         * {@link Conv2d} (oneDNN's one-channel kernel; the stress benchmark compares the two).
         */
        public Builder optUnfoldFirstConv(boolean unfold) {
            this.unfoldFirstConv = unfold;
            return this;
        }

        /** Number of classes. */
        public Builder setOutputs(int outputs) {
            this.outputs = outputs;
            return this;
        }

        /** Side of the square input image; default 28. */
        public Builder optInputSide(int side) {
            this.inputSide = side;
            return this;
        }

        /** The flattened feature count the stages produce, after validating them. */
        public int featureCount() {
            validate();
            return ConvStage.featureCount(stages, inputSide);
        }

        /** The feature extractor alone (conv stages, flattened, without dropout). */
        public SequentialBlock buildFeatures() {
            validate();
            SequentialBlock features = new SequentialBlock();
            for (ConvStage s : stages) {
                // the first stage meets the one-channel image: see UnfoldConv2d for why it is not Conv2d's
                Conv2d.Builder conv = features.getChildren().isEmpty() && unfoldFirstConv ? UnfoldConv2d.unfoldBuilder()
                        : Conv2d.builder();
                features.add(conv
                        .setKernelShape(new Shape(s.kernel(), s.kernel()))
                        .optPadding(new Shape(s.padding(), s.padding()))
                        .setFilters(s.channels())
                        .optBias(!batchNorm)
                        .build());
                if (batchNorm) {
                    features.add(BatchNorm.builder().build());
                }
                if (s.pool() > 1) {
                    features.add(Pool.maxPool2dBlock(new Shape(s.pool(), s.pool()), new Shape(s.pool(), s.pool())));
                }
                features.add(Activations.block(activation));
            }
            features.add(Blocks.batchFlattenBlock());
            return features;
        }

        /** Checks every option and builds the network. */
        public Block build() {
            validate();
            SequentialBlock net = new SequentialBlock();
            net.add(buildFeatures());
            if (featureDropout > 0) {
                net.add(new MaskDropout(featureDropout));
            }
            for (int units : hidden) {
                net.add(Linear.builder().setUnits(units).build());
                net.add(Activations.block(activation));
                if (dropout > 0) {
                    net.add(new MaskDropout(dropout));
                }
            }
            net.add(Linear.builder().setUnits(outputs).build());
            return net;
        }

        private void validate() {
            if (outputs < 1) {
                throw new IllegalArgumentException("outputs is " + outputs + ", expected ≥ 1 (10 for digits, 19 for sums)");
            }
            ExperimentSpec.checkDropout("featureDropout", featureDropout);
            ExperimentSpec.checkDropout("dropout", dropout);
            for (int units : hidden) {
                if (units < 1) {
                    throw new IllegalArgumentException("hidden layer size " + units + " in " + hidden + " must be ≥ 1");
                }
            }
            ConvStage.featureCount(stages, inputSide);
        }
    }
}
