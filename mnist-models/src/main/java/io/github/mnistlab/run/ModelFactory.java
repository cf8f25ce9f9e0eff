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
import io.github.mnistlab.train.Augmentation;
import io.github.mnistlab.train.CrossEntropy;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
                    .optActivation(spec.activation()).optBatchNorm(spec.batchNorm())
                    .optDigitBottleneck(spec.digitBottleneck()).build();
            case ADDER_TRANSFER -> DigitAdder.transfer()
                    .setDigitClassifier(loadDigitClassifier(Path.of(spec.pretrained()), manager))
                    .optActivation(spec.activation()).optHidden(spec.hidden().isEmpty() ? List.of(ExperimentSpec.SUMS) : spec.hidden())
                    .optFreeze(spec.freezePretrained()).build();
            case MLP_SCRATCH -> throw new IllegalArgumentException(
                    "mlp-scratch is trained by the framework-free engine and has no DJL block");
        };
    }

    /**
     * How DJL trains {@code spec}: its optimizer with the spec's learning-rate schedule (momentum and
     * weight decay as given), the cross-entropy (label-smoothed when the spec says so), on {@code device}.
     *
     * @param stepsPerEpoch optimizer steps in one epoch, for a schedule given in epochs
     */
    public static DefaultTrainingConfig trainingConfig(ExperimentSpec spec, Device device, int stepsPerEpoch) {
        Tracker lr = learningRate(spec, stepsPerEpoch);
        Optimizer optimizer = switch (spec.optimizer()) {
            case SGD -> Optimizer.sgd().setLearningRateTracker(lr).optMomentum(spec.momentum())
                    .optWeightDecays(spec.weightDecay()).build();
            case ADAM -> Optimizer.adam().optLearningRateTracker(lr).optWeightDecays(spec.weightDecay()).build();
            case ADAMW -> Optimizer.adamW().optLearningRateTracker(lr).optWeightDecays(spec.weightDecay()).build();
        };
        return new DefaultTrainingConfig(new CrossEntropy(spec.labelSmoothing()))
                .optOptimizer(optimizer)
                .optDevices(new Device[] {device});
    }

    /**
     * The learning rate of each optimizer step of {@code spec}, from DJL's trackers: fixed, a
     * {@code MultiFactorTracker} (step) or a {@code CosineTracker} falling to zero at the last step,
     * after a linear {@code WarmUpTracker} ramp from zero when {@code warmupEpochs > 0}. DJL numbers
     * the steps from 1; the value for step {@code n} is {@code getNewValue(n)}.
     *
     * @param stepsPerEpoch optimizer steps in one epoch
     */
    public static Tracker learningRate(ExperimentSpec spec, int stepsPerEpoch) {
        if (stepsPerEpoch < 1) {
            throw new IllegalArgumentException("stepsPerEpoch is " + stepsPerEpoch + ", expected ≥ 1");
        }
        int total = spec.epochs() * stepsPerEpoch;
        int warmup = Math.min(total, Math.round(spec.warmupEpochs() * stepsPerEpoch));
        Tracker main = switch (spec.schedule()) {
            case CONSTANT -> Tracker.fixed(spec.learningRate());
            case COSINE -> total - warmup < 1 ? Tracker.fixed(spec.learningRate())
                    : Tracker.cosine().setBaseValue(spec.learningRate()).optFinalValue(0).setMaxUpdates(total - warmup)
                            .build();
            case STEP -> Tracker.multiFactor().setBaseValue(spec.learningRate()).optFactor(spec.decayFactor())
                    .setSteps(decaySteps(spec.decayEpochs() * stepsPerEpoch - warmup, spec.decayEpochs() * stepsPerEpoch,
                            total - warmup))
                    .build();
        };
        return warmup == 0 ? main : Tracker.warmUp().setMainTracker(main).optWarmUpSteps(warmup).build();
    }

    /**
     * The steps after which a step schedule multiplies the rate: {@code first}, then every
     * {@code every}, up to {@code total}. DJL's tracker needs at least two increasing steps, so a run
     * with fewer gets ones past its end, which never apply.
     */
    private static int[] decaySteps(int first, int every, int total) {
        List<Integer> steps = new ArrayList<>();
        for (long s = Math.max(first, 1); s <= total; s += every) {
            steps.add((int) s);
        }
        while (steps.size() < 2) {
            steps.add(steps.isEmpty() ? total + 1 : steps.get(steps.size() - 1) + 1);
        }
        return steps.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The spec's augmentation of training images (its shifts and rotations; blank pixels as its normalization makes them). */
    public static Augmentation augmentation(ExperimentSpec spec) {
        return new Augmentation(spec.shiftPixels(), spec.rotationDegrees(), -spec.normalizeMean() / spec.normalizeStd());
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
        return digitCnnBuilder(spec).build();
    }

    /** The builder of {@code spec}'s digit CNN, set from the spec, for a caller that changes an option first. */
    public static Cnn.Builder digitCnnBuilder(ExperimentSpec spec) {
        return Cnn.builder().setStages(spec.stages()).optHidden(spec.hidden()).optActivation(spec.activation())
                .optBatchNorm(spec.batchNorm()).optFeatureDropout(spec.featureDropout()).optDropout(spec.dropout())
                .setOutputs(ExperimentSpec.DIGITS);
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
