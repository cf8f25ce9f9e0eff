package io.github.mnistlab.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything that defines one training run, immutable. Presets ({@link Presets}) give each lab's
 * values; {@link #toBuilder()} derives a changed copy; {@link #validate()} names the first bad value.
 *
 * @param preset          the preset this spec started from (for the record)
 * @param model           which network
 * @param hidden          MLP: the k hidden layer sizes; CNN and scratch adder: fully connected hidden sizes;
 *                        transfer adder: the head's hidden sizes (empty: the lab's 19)
 * @param activation      activation of hidden layers
 * @param stages          conv stages (CNN, scratch adder's extractor)
 * @param batchNorm       CNN, scratch adder: batch normalization after each convolution (which then has no bias)
 * @param digitBottleneck scratch adder: classify each image into 10 digits and add the two distributions exactly
 * @param featureDropout  dropout after the conv stages
 * @param dropout         dropout after hidden fully connected layers
 * @param optimizer       optimizer
 * @param learningRate    learning rate, &gt; 0 (the peak of a schedule)
 * @param schedule        how the learning rate changes over the run
 * @param warmupEpochs    epochs (may be fractional) of linear warm-up from 0 to the learning rate; 0 = none
 * @param decayEpochs     step schedule: the learning rate is multiplied by {@code decayFactor} every this many epochs
 * @param decayFactor     step schedule: the factor, 0 &lt; f &lt; 1
 * @param momentum        SGD momentum, 0 ≤ m &lt; 1
 * @param weightDecay     L2 penalty / decoupled weight decay, ≥ 0
 * @param labelSmoothing  share ε of the target spread evenly over all classes, 0 ≤ ε &lt; 0.5; 0 = the labs' loss
 * @param batchSize       samples (or pairs) per step, ≥ 1
 * @param epochs          passes over the training set, ≥ 1
 * @param limit           train on this many digits only; 0 = all
 * @param validationSize  digits held out of the training set for validation; 0 = none (test each epoch)
 * @param seed            seeds initialization, split, shuffling, pairing and dropout
 * @param normalizeMean   pixels in [0, 1] minus this…
 * @param normalizeStd    …divided by this
 * @param shiftPixels     augmentation: each training image is moved by up to this many pixels each way; 0 = none
 * @param rotationDegrees augmentation: …and turned by up to this many degrees either way; 0 = none
 * @param pretrained      transfer adder: directory of the run whose digit classifier is reused
 * @param freezePretrained transfer adder: keep the reused classifier fixed
 * @param lossEvery       record the mean loss of every this many iterations
 */
public record ExperimentSpec(
        String preset,
        ModelKind model,
        List<Integer> hidden,
        ActivationKind activation,
        List<ConvStage> stages,
        boolean batchNorm,
        boolean digitBottleneck,
        float featureDropout,
        float dropout,
        OptimizerKind optimizer,
        float learningRate,
        ScheduleKind schedule,
        float warmupEpochs,
        int decayEpochs,
        float decayFactor,
        float momentum,
        float weightDecay,
        float labelSmoothing,
        int batchSize,
        int epochs,
        int limit,
        int validationSize,
        long seed,
        float normalizeMean,
        float normalizeStd,
        float shiftPixels,
        float rotationDegrees,
        String pretrained,
        boolean freezePretrained,
        int lossEvery) {

    /** The most hidden layers the MLP lab allows (k ≤ 3). */
    public static final int MAX_MLP_HIDDEN_LAYERS = 3;

    /** Classes of a digit classifier. */
    public static final int DIGITS = 10;

    /** Classes of an adder: the sums 0 … 18. */
    public static final int SUMS = 19;

    /** Side of an MNIST digit: the conv stages are checked against a 28×28 input. */
    public static final int DIGIT_SIDE = 28;

    public ExperimentSpec {
        Objects.requireNonNull(model, "model");
        hidden = hidden == null ? List.of() : List.copyOf(hidden);
        stages = stages == null ? List.of() : List.copyOf(stages);
        activation = activation == null ? ActivationKind.RELU : activation;
        optimizer = optimizer == null ? OptimizerKind.SGD : optimizer;
        schedule = schedule == null ? ScheduleKind.CONSTANT : schedule;
    }

    /** The most pixels an augmentation may move a digit each way. */
    public static final float MAX_SHIFT_PIXELS = 6;

    /** The largest augmentation rotation, in degrees either way. */
    public static final float MAX_ROTATION_DEGREES = 45;

    /**
     * Checks every value and throws {@link IllegalArgumentException} naming the first bad one, what
     * was expected and how to fix it.
     */
    public ExperimentSpec validate() {
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            fail("learningRate", learningRate, "a number > 0, e.g. 0.01");
        }
        if (batchSize < 1) {
            fail("batchSize", batchSize, "≥ 1, e.g. 64");
        }
        if (epochs < 1) {
            fail("epochs", epochs, "≥ 1");
        }
        if (limit < 0) {
            fail("limit", limit, "0 (all training digits) or a positive count");
        }
        if (validationSize < 0 || validationSize > 30_000) {
            fail("validationSize", validationSize, "0..30000 (the labs hold out 10000)");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            fail("momentum", momentum, "0 ≤ momentum < 1");
        }
        if (!(weightDecay >= 0) || Float.isInfinite(weightDecay)) {
            fail("weightDecay", weightDecay, "≥ 0");
        }
        if (!(normalizeStd > 0)) {
            fail("normalizeStd", normalizeStd, "> 0");
        }
        if (lossEvery < 1) {
            fail("lossEvery", lossEvery, "≥ 1");
        }
        if (!(warmupEpochs >= 0) || Float.isInfinite(warmupEpochs)) {
            fail("warmupEpochs", warmupEpochs, "≥ 0 (0 = no warm-up), e.g. 1");
        }
        if (schedule == ScheduleKind.STEP) {
            if (decayEpochs < 1) {
                fail("decayEpochs", decayEpochs, "≥ 1 with schedule step (the learning rate falls every this many epochs)");
            }
            if (!(decayFactor > 0 && decayFactor < 1)) {
                fail("decayFactor", decayFactor, "0 < f < 1 with schedule step, e.g. 0.1");
            }
        }
        if (!(labelSmoothing >= 0 && labelSmoothing < 0.5f)) {
            fail("labelSmoothing", labelSmoothing, "0 ≤ ε < 0.5 (0 = none), e.g. 0.1");
        }
        if (!(shiftPixels >= 0 && shiftPixels <= MAX_SHIFT_PIXELS)) {
            fail("shiftPixels", shiftPixels, "0 to " + (int) MAX_SHIFT_PIXELS + " pixels (0 = no shifts), e.g. 2");
        }
        if (!(rotationDegrees >= 0 && rotationDegrees <= MAX_ROTATION_DEGREES)) {
            fail("rotationDegrees", rotationDegrees, "0 to " + (int) MAX_ROTATION_DEGREES
                    + " degrees (0 = no rotation), e.g. 10");
        }
        if (digitBottleneck && model != ModelKind.ADDER_SCRATCH) {
            throw new IllegalArgumentException("digitBottleneck is true, but model " + model.name().toLowerCase()
                    + " is not the scratch adder; the digit bottleneck applies to model adder-scratch");
        }
        if (batchNorm && model != ModelKind.CNN && model != ModelKind.ADDER_SCRATCH) {
            throw new IllegalArgumentException("batchNorm is true, but model " + model.name().toLowerCase()
                    + " has no convolutions of its own to normalize; batch normalization applies to models cnn and"
                    + " adder-scratch");
        }
        switch (model) {
            case MLP, MLP_SCRATCH -> {
                if (hidden.isEmpty() || hidden.size() > MAX_MLP_HIDDEN_LAYERS) {
                    throw new IllegalArgumentException("hidden has k = " + hidden.size() + " layers " + hidden
                            + ", expected 1 ≤ k ≤ 3 hidden layer sizes, e.g. 30 or 128,64");
                }
                hidden.forEach(m -> {
                    if (m < 1) {
                        fail("hidden layer size", m, "≥ 1");
                    }
                });
                checkDropout("dropout", dropout);
                if (model == ModelKind.MLP_SCRATCH && (optimizer != OptimizerKind.SGD || momentum != 0
                        || activation != ActivationKind.SIGMOID || dropout != 0 || improved())) {
                    throw new IllegalArgumentException("the scratch MLP engine implements sigmoid layers trained"
                            + " by plain SGD at a constant learning rate, without momentum, dropout, augmentation or"
                            + " label smoothing; got optimizer " + optimizer.name().toLowerCase() + ", momentum "
                            + momentum + ", activation " + activation.id() + ", dropout " + dropout + ", schedule "
                            + schedule.id() + ", warmupEpochs " + warmupEpochs + ", shiftPixels " + shiftPixels
                            + ", rotationDegrees " + rotationDegrees + ", labelSmoothing " + labelSmoothing
                            + ". Use preset mlp for the other settings");
                }
            }
            case CNN -> {
                ConvStage.featureCount(stages, DIGIT_SIDE);
                checkDropout("featureDropout", featureDropout);
                checkDropout("dropout", dropout);
                hidden.forEach(m -> {
                    if (m < 1) {
                        throw new IllegalArgumentException("hidden layer size " + m + " in " + hidden + " must be ≥ 1");
                    }
                });
            }
            case ADDER_SCRATCH -> {
                ConvStage.featureCount(stages, DIGIT_SIDE);
                if (hidden.isEmpty()) {
                    throw new IllegalArgumentException("hidden is empty: the scratch adder's fully connected"
                            + " module needs a hidden layer, e.g. 128");
                }
            }
            case ADDER_TRANSFER -> {
                if (pretrained == null || pretrained.isBlank()) {
                    throw new IllegalArgumentException("the transfer adder needs 'pretrained': the run directory"
                            + " (or, in the plugin, the experiment id) of a trained digit classifier");
                }
                hidden.forEach(m -> {
                    if (m < 1) {
                        throw new IllegalArgumentException("hidden layer size " + m + " in " + hidden + " must be ≥ 1");
                    }
                });
            }
            default -> throw new IllegalStateException(model.toString());
        }
        return this;
    }

    /** Whether this spec uses any training feature beyond the labs': a schedule, augmentation or label smoothing. */
    private boolean improved() {
        return schedule != ScheduleKind.CONSTANT || warmupEpochs > 0 || augments() || labelSmoothing > 0;
    }

    /** Whether training images are shifted or rotated. */
    public boolean augments() {
        return shiftPixels > 0 || rotationDegrees > 0;
    }

    /** Checks a dropout rate, naming it: {@code dropout is 1.5, expected a rate in [0, 1)}. */
    public static void checkDropout(String name, float rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException(name + " is " + rate + ", expected a rate in [0, 1)");
        }
    }

    private static void fail(String name, Object value, String expected) {
        throw new IllegalArgumentException(name + " is " + value + ", expected " + expected);
    }

    /**
     * Seeds epoch {@code epoch} (1-based): its shuffle and, for an adder, its pairing. One formula for
     * the DJL runner, the scratch runner and the benchmark, so the same spec trains the same batches.
     */
    public long epochSeed(int epoch) {
        return seed * 1_000_003L + epoch;
    }

    /** Seeds an adder's fixed validation pairing. */
    public long validationPairSeed() {
        return seed + 1;
    }

    /** Seeds an adder's fixed test pairing; the report draws the same pairs to show their pictures. */
    public long testPairSeed() {
        return seed + 2;
    }

    /** Number of output classes: 19 sums for an adder, else 10 digits. */
    public int classes() {
        return model.isAdder() ? SUMS : DIGITS;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A new spec of {@code model}, named {@code preset}, from these defaults: no hidden layers, relu,
     * no conv stages, no batch normalization, no dropout, SGD at a constant lr 0.01 without momentum or
     * weight decay, no label smoothing or augmentation, batch 64, 10 epochs,
     * all training digits, no validation set, seed 42, the MNIST normalization, the loss recorded every
     * 100 iterations. Each field is then set by name.
     */
    public static Builder builder(String preset, ModelKind model) {
        return new Builder(new ExperimentSpec(preset, model, List.of(), ActivationKind.RELU, List.of(), false, false, 0, 0,
                OptimizerKind.SGD, 0.01f, ScheduleKind.CONSTANT, 0, 0, 0, 0, 0, 0, 64, 10, 0, 0, 42, 0.1307f, 0.3081f,
                0, 0, null, false, 100));
    }

    /** Changes some values of a spec; {@link #build()} returns the new (unvalidated) spec. */
    public static final class Builder {
        private String preset;
        private ModelKind model;
        private List<Integer> hidden;
        private ActivationKind activation;
        private List<ConvStage> stages;
        private boolean batchNorm;
        private boolean digitBottleneck;
        private float featureDropout;
        private float dropout;
        private OptimizerKind optimizer;
        private float learningRate;
        private ScheduleKind schedule;
        private float warmupEpochs;
        private int decayEpochs;
        private float decayFactor;
        private float momentum;
        private float weightDecay;
        private float labelSmoothing;
        private int batchSize;
        private int epochs;
        private int limit;
        private int validationSize;
        private long seed;
        private float normalizeMean;
        private float normalizeStd;
        private float shiftPixels;
        private float rotationDegrees;
        private String pretrained;
        private boolean freezePretrained;
        private int lossEvery;

        private Builder(ExperimentSpec s) {
            preset = s.preset;
            model = s.model;
            hidden = new ArrayList<>(s.hidden);
            activation = s.activation;
            stages = new ArrayList<>(s.stages);
            batchNorm = s.batchNorm;
            digitBottleneck = s.digitBottleneck;
            featureDropout = s.featureDropout;
            dropout = s.dropout;
            optimizer = s.optimizer;
            learningRate = s.learningRate;
            schedule = s.schedule;
            warmupEpochs = s.warmupEpochs;
            decayEpochs = s.decayEpochs;
            decayFactor = s.decayFactor;
            momentum = s.momentum;
            weightDecay = s.weightDecay;
            labelSmoothing = s.labelSmoothing;
            batchSize = s.batchSize;
            epochs = s.epochs;
            limit = s.limit;
            validationSize = s.validationSize;
            seed = s.seed;
            normalizeMean = s.normalizeMean;
            normalizeStd = s.normalizeStd;
            shiftPixels = s.shiftPixels;
            rotationDegrees = s.rotationDegrees;
            pretrained = s.pretrained;
            freezePretrained = s.freezePretrained;
            lossEvery = s.lossEvery;
        }

        public Builder preset(String v) { preset = v; return this; }
        public Builder model(ModelKind v) { model = v; return this; }
        public Builder hidden(List<Integer> v) { hidden = new ArrayList<>(v); return this; }
        public Builder activation(ActivationKind v) { activation = v; return this; }
        public Builder stages(List<ConvStage> v) { stages = new ArrayList<>(v); return this; }
        public Builder batchNorm(boolean v) { batchNorm = v; return this; }
        public Builder digitBottleneck(boolean v) { digitBottleneck = v; return this; }
        public Builder featureDropout(float v) { featureDropout = v; return this; }
        public Builder dropout(float v) { dropout = v; return this; }
        public Builder optimizer(OptimizerKind v) { optimizer = v; return this; }
        public Builder learningRate(float v) { learningRate = v; return this; }
        /** A schedule without its parameters (cosine); see {@link #stepSchedule} and {@link #warmupEpochs}. */
        public Builder schedule(ScheduleKind v) { schedule = v; return this; }
        /** The step schedule: the learning rate times {@code factor} every {@code epochs} epochs. */
        public Builder stepSchedule(int epochs, float factor) {
            schedule = ScheduleKind.STEP;
            decayEpochs = epochs;
            decayFactor = factor;
            return this;
        }
        public Builder warmupEpochs(float v) { warmupEpochs = v; return this; }
        public Builder labelSmoothing(float v) { labelSmoothing = v; return this; }
        /** Augmentation: shifts of up to {@code pixels} and rotations of up to {@code degrees}, each way. */
        public Builder augment(float pixels, float degrees) { shiftPixels = pixels; rotationDegrees = degrees; return this; }
        public Builder momentum(float v) { momentum = v; return this; }
        public Builder weightDecay(float v) { weightDecay = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder epochs(int v) { epochs = v; return this; }
        public Builder limit(int v) { limit = v; return this; }
        public Builder validationSize(int v) { validationSize = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder normalize(float mean, float std) { normalizeMean = mean; normalizeStd = std; return this; }
        public Builder pretrained(String v) { pretrained = v; return this; }
        public Builder freezePretrained(boolean v) { freezePretrained = v; return this; }
        public Builder lossEvery(int v) { lossEvery = v; return this; }

        /** Sets epochs, limit and seed where they are not null: a command line's or a sweep's overrides. */
        public Builder overrides(Integer epochs, Integer limit, Long seed) {
            if (epochs != null) {
                this.epochs = epochs;
            }
            if (limit != null) {
                this.limit = limit;
            }
            if (seed != null) {
                this.seed = seed;
            }
            return this;
        }

        public ExperimentSpec build() {
            return new ExperimentSpec(preset, model, hidden, activation, stages, batchNorm, digitBottleneck,
                    featureDropout, dropout,
                    optimizer, learningRate, schedule, warmupEpochs, decayEpochs, decayFactor, momentum, weightDecay,
                    labelSmoothing, batchSize, epochs, limit, validationSize, seed, normalizeMean, normalizeStd,
                    shiftPixels, rotationDegrees, pretrained, freezePretrained, lossEvery);
        }
    }
}
