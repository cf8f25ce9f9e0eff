package io.github.mnistlab.run;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.mnistlab.data.DigitImages;
import io.github.mnistlab.model.Cnn;
import io.github.mnistlab.model.DigitAdder;
import io.github.mnistlab.model.Mlp;
import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunRecords;
import io.github.mnistlab.record.RunStatus;
import io.github.mnistlab.scratch.ScratchMlp;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.ModelKind;
import io.github.mnistlab.train.CrossEntropy;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a spec into its network: the one place where configuration becomes a DJL {@link Block}.
 */
public final class ModelFactory {
    /** Shape of one digit batch row: (1, 1, 28, 28). */
    public static final Shape DIGIT_SHAPE = new Shape(1, 1, 28, 28);

    private ModelFactory() {
    }

    /**
     * The network of {@code spec}. A transfer adder's digit classifier is rebuilt from its run's
     * record and loaded with that run's kept parameters, in {@code manager}.
     */
    public static Block block(ExperimentSpec spec, NDManager manager) {
        return switch (spec.model()) {
            case MLP -> Mlp.builder().setHidden(spec.hidden()).optActivation(spec.activation())
                    .optDropout(spec.dropout()).build();
            case CNN -> digitCnn(spec);
            case ADDER_SCRATCH -> DigitAdder.scratch().setStages(spec.stages()).optHidden(spec.hidden())
                    .optActivation(spec.activation()).build();
            case ADDER_TRANSFER -> DigitAdder.transfer()
                    .setDigitClassifier(loadDigitClassifier(Path.of(spec.pretrained()), manager))
                    .optActivation(spec.activation()).optFreeze(spec.freezePretrained()).build();
            case MLP_SCRATCH -> throw new IllegalArgumentException(
                    "mlp-scratch is trained by the framework-free engine and has no DJL block");
        };
    }

    /**
     * How DJL trains {@code spec}: its optimizer at a fixed learning rate (momentum and weight decay
     * as given), the lab's cross-entropy, on {@code device}.
     */
    public static DefaultTrainingConfig trainingConfig(ExperimentSpec spec, Device device) {
        Tracker lr = Tracker.fixed(spec.learningRate());
        Optimizer optimizer = switch (spec.optimizer()) {
            case SGD -> Optimizer.sgd().setLearningRateTracker(lr).optMomentum(spec.momentum())
                    .optWeightDecays(spec.weightDecay()).build();
            case ADAM -> Optimizer.adam().optLearningRateTracker(lr).optWeightDecays(spec.weightDecay()).build();
            case ADAMW -> Optimizer.adamW().optLearningRateTracker(lr).optWeightDecays(spec.weightDecay()).build();
        };
        return new DefaultTrainingConfig(new CrossEntropy())
                .optOptimizer(optimizer)
                .optDevices(new Device[] {device});
    }

    /** A fresh scratch-engine network of {@code spec}'s layer sizes (784, the hidden sizes, 10), seeded by it. */
    public static ScratchMlp scratch(ExperimentSpec spec) {
        int[] sizes = new int[spec.hidden().size() + 2];
        sizes[0] = DigitImages.PIXELS;
        for (int i = 0; i < spec.hidden().size(); i++) {
            sizes[i + 1] = spec.hidden().get(i);
        }
        sizes[sizes.length - 1] = ExperimentSpec.DIGITS;
        return new ScratchMlp(sizes, spec.seed());
    }

    /** The input shapes a block of {@code spec} is initialized with. */
    public static Shape[] inputShapes(ExperimentSpec spec) {
        return spec.model().isAdder() ? new Shape[] {DIGIT_SHAPE, DIGIT_SHAPE} : new Shape[] {DIGIT_SHAPE};
    }

    /** Trainable parameters of an initialized block. */
    public static long parameterCount(Block block) {
        long total = 0;
        for (Parameter p : block.getParameters().values()) {
            total += p.getArray().getShape().size();
        }
        return total;
    }

    private static Block digitCnn(ExperimentSpec spec) {
        return Cnn.builder().setStages(spec.stages()).optHidden(spec.hidden()).optActivation(spec.activation())
                .optFeatureDropout(spec.featureDropout()).optDropout(spec.dropout()).setOutputs(ExperimentSpec.DIGITS).build();
    }

    /**
     * Rebuilds the digit classifier of a finished run and loads its kept parameters.
     *
     * @throws IllegalArgumentException when the run is missing, unreadable or not a digit classifier
     */
    public static Block loadDigitClassifier(Path runDir, NDManager manager) {
        RunRecord record = RunRecords.read(runDir);
        ModelKind kind = record.spec().model();
        if (kind != ModelKind.CNN && kind != ModelKind.MLP) {
            throw new IllegalArgumentException("pretrained run " + runDir + " was trained with preset " + record.preset()
                    + ", which is not a digit classifier; use a run of preset cnn-lenet, cnn-small, cnn-wide or mlp");
        }
        if (record.status() != RunStatus.COMPLETE) {
            throw new IllegalArgumentException("pretrained run " + runDir + " did not complete (" + record.status()
                    + ": " + record.message() + "); train it again first");
        }
        return trained(runDir, record, manager);
    }

    /**
     * The network of {@code record}'s spec with the parameters its run kept, for inference or reuse.
     *
     * @throws IllegalArgumentException naming the file when the parameters cannot be loaded
     */
    static Block trained(Path runDir, RunRecord record, NDManager manager) {
        Block block = block(record.spec(), manager);
        block.initialize(manager, DataType.FLOAT32, inputShapes(record.spec()));
        Path params = runDir.resolve(record.parametersFile());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(params))) {
            block.loadParameters(manager, new DataInputStream(in));
        } catch (IOException | MalformedModelException e) {
            throw new IllegalArgumentException("parameters " + params + " could not be loaded ("
                    + e.getMessage() + "); train run " + record.id() + " again", e);
        }
        return block;
    }
}
