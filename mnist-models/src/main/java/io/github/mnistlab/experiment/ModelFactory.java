package io.github.mnistlab.experiment;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.github.mnistlab.model.Cnn;
import io.github.mnistlab.model.DigitAdder;
import io.github.mnistlab.model.Mlp;
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
                .optFeatureDropout(spec.featureDropout()).optDropout(spec.dropout()).setOutputs(10).build();
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
