package io.github.mnistlab.maven;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.mnistlab.maven.plan.ExperimentDefinition;
import java.util.List;

/**
 * One {@code <experiment>}: a preset and the values it changes. Every value left out keeps the
 * preset's.
 *
 * <pre>{@code
 * <experiment>
 *   <id>digits</id>
 *   <preset>cnn-lenet</preset>
 *   <epochs>3</epochs>
 *   <description>LeNet-style CNN, SGD with momentum</description>
 * </experiment>
 * <experiment>
 *   <id>wide-mlp</id>
 *   <preset>mlp</preset>
 *   <hidden>128,64</hidden>
 *   <activation>relu</activation>
 *   <optimizer>adam</optimizer>
 *   <learningRate>0.001</learningRate>
 * </experiment>
 * }</pre>
 *
 * @since 0.1.0
 */
public class Experiment {
    /**
     * The parameters that are not spec fields: the id and description, the preset (the spec's starting
     * point) and {@code pretrained} (an experiment id here, a run directory in the spec).
     */
    static final List<String> NOT_SPEC_FIELDS = List.of("id", "preset", "description", "pretrained");

    /** The run's name and directory ({@code target/lab/runs/<id>}): letters, digits, {@code . _ -}. Required. */
    private String id;
    /**
     * mlp, mlp-scratch, cnn-small, cnn-lenet, cnn-wide, adder-transfer or adder-scratch (the labs), or
     * mlp-plus, cnn-plus, adder-transfer-plus or adder-scratch-plus (improved). Required.
     */
    private String preset;
    /** Free text shown in the report. */
    private String description;
    /** adder-transfer: the id of the experiment whose trained digit classifier is reused. */
    private String pretrained;
    /** Network: mlp, mlp-scratch, cnn, adder-transfer or adder-scratch. */
    private String model;
    /** Hidden layer sizes: an MLP's k layers (1 ≤ k ≤ 3), a CNN's or scratch adder's fully connected layers. */
    private List<Integer> hidden;
    /** relu, sigmoid, tanh or none. */
    private String activation;
    /** Conv stages (CNN, scratch adder). */
    private List<Stage> stages;
    /** CNN, scratch adder: batch normalization after each convolution. */
    private Boolean batchNorm;
    /** Scratch adder: classify each image into 10 digits and add the two distributions exactly. */
    private Boolean digitBottleneck;
    /** Dropout rate after the conv stages. */
    private Float featureDropout;
    /** Dropout rate after each hidden fully connected layer. */
    private Float dropout;
    /** sgd, adam or adamw. */
    private String optimizer;
    /** Learning rate, &gt; 0. */
    private Float learningRate;
    /** Learning-rate schedule: constant, step or cosine. */
    private String schedule;
    /** Epochs (may be fractional) of linear learning-rate warm-up from 0; 0 = none. */
    private Float warmupEpochs;
    /** Step schedule: the learning rate falls every this many epochs. */
    private Integer decayEpochs;
    /** Step schedule: …multiplied by this factor, 0 &lt; f &lt; 1. */
    private Float decayFactor;
    /** SGD momentum, 0 ≤ m &lt; 1. */
    private Float momentum;
    /** L2 penalty or decoupled weight decay, ≥ 0. */
    private Float weightDecay;
    /** Label smoothing ε, 0 ≤ ε &lt; 0.5; 0 = none. */
    private Float labelSmoothing;
    /** Samples (or pairs) per step. */
    private Integer batchSize;
    /** Passes over the training set. */
    private Integer epochs;
    /** Train on this many digits only; 0 = all. */
    private Integer limit;
    /** Digits held out of the training set for validation; 0 = none. */
    private Integer validationSize;
    /** Seed of initialization, split, shuffling, pairing and dropout. */
    private Long seed;
    /** Pixel normalization: [0, 1] minus this… */
    private Float normalizeMean;
    /** …divided by this. */
    private Float normalizeStd;
    /** Augmentation: training images moved by up to this many pixels each way (0 to 6); 0 = none. */
    private Float shiftPixels;
    /** Augmentation: training images turned by up to this many degrees either way (0 to 45); 0 = none. */
    private Float rotationDegrees;
    /** adder-transfer: keep the reused classifier fixed. */
    private Boolean freezePretrained;
    /** Record the mean training loss every this many iterations. */
    private Integer lossEvery;

    public void setId(String id) { this.id = id; }
    public void setPreset(String preset) { this.preset = preset; }
    public void setDescription(String description) { this.description = description; }
    public void setPretrained(String pretrained) { this.pretrained = pretrained; }
    public void setModel(String model) { this.model = model; }
    public void setHidden(List<Integer> hidden) { this.hidden = hidden; }
    public void setActivation(String activation) { this.activation = activation; }
    public void setStages(List<Stage> stages) { this.stages = stages; }
    public void setBatchNorm(Boolean batchNorm) { this.batchNorm = batchNorm; }
    public void setDigitBottleneck(Boolean digitBottleneck) { this.digitBottleneck = digitBottleneck; }
    public void setFeatureDropout(Float featureDropout) { this.featureDropout = featureDropout; }
    public void setDropout(Float dropout) { this.dropout = dropout; }
    public void setOptimizer(String optimizer) { this.optimizer = optimizer; }
    public void setLearningRate(Float learningRate) { this.learningRate = learningRate; }
    public void setSchedule(String schedule) { this.schedule = schedule; }
    public void setWarmupEpochs(Float warmupEpochs) { this.warmupEpochs = warmupEpochs; }
    public void setDecayEpochs(Integer decayEpochs) { this.decayEpochs = decayEpochs; }
    public void setDecayFactor(Float decayFactor) { this.decayFactor = decayFactor; }
    public void setLabelSmoothing(Float labelSmoothing) { this.labelSmoothing = labelSmoothing; }
    public void setShiftPixels(Float shiftPixels) { this.shiftPixels = shiftPixels; }
    public void setRotationDegrees(Float rotationDegrees) { this.rotationDegrees = rotationDegrees; }
    public void setMomentum(Float momentum) { this.momentum = momentum; }
    public void setWeightDecay(Float weightDecay) { this.weightDecay = weightDecay; }
    public void setBatchSize(Integer batchSize) { this.batchSize = batchSize; }
    public void setEpochs(Integer epochs) { this.epochs = epochs; }
    public void setLimit(Integer limit) { this.limit = limit; }
    public void setValidationSize(Integer validationSize) { this.validationSize = validationSize; }
    public void setSeed(Long seed) { this.seed = seed; }
    public void setNormalizeMean(Float normalizeMean) { this.normalizeMean = normalizeMean; }
    public void setNormalizeStd(Float normalizeStd) { this.normalizeStd = normalizeStd; }
    public void setFreezePretrained(Boolean freezePretrained) { this.freezePretrained = freezePretrained; }
    public void setLossEvery(Integer lossEvery) { this.lossEvery = lossEvery; }

    String id() {
        return id;
    }

    String description() {
        return description;
    }

    /**
     * The experiment as the planner takes it. Every parameter but {@link #NOT_SPEC_FIELDS} is a field of
     * the library's spec under the same name (ExperimentTest checks that the two lists agree), so the
     * values set here become spec-file fields as they are; the ones left out keep the preset's.
     */
    ExperimentDefinition toDefinition() {
        JsonObject changes = new Gson().toJsonTree(this).getAsJsonObject(); // unset (null) values are left out
        NOT_SPEC_FIELDS.forEach(changes::remove);
        if (stages != null) {
            String where = "experiment '" + id + "'";
            JsonArray list = new JsonArray();
            stages.forEach(s -> list.add(s.toJson(where)));
            changes.add("stages", list);
        }
        return new ExperimentDefinition(id, preset, description, pretrained, changes);
    }
}
