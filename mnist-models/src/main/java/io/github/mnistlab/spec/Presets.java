package io.github.mnistlab.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The five labs' experiments, each faithful to its write-up's architecture and hyperparameters.
 *
 * <table>
 * <caption>Presets</caption>
 * <tr><th>id</th><th>network</th><th>training</th></tr>
 * <tr><td>mlp</td><td>784–30–10 sigmoid</td><td>SGD lr 0.01, L2 1e-4, batch 10, 30 epochs, 50k/10k/10k</td></tr>
 * <tr><td>mlp-scratch</td><td>the same, framework-free</td><td>the same</td></tr>
 * <tr><td>cnn-small</td><td>conv 1→4 3×3 pad 1, pool, conv 4→8, pool, fc 392→512, dropout 0.4, fc 512→10</td>
 *     <td>Adam lr 1e-4, batch 128, 60 epochs, 50k/10k/10k</td></tr>
 * <tr><td>cnn-lenet</td><td>conv 1→10 5×5, pool, relu, conv 10→20 5×5, pool, relu, fc 320→10</td>
 *     <td>SGD lr 0.01 momentum 0.5, batch 64, 10 epochs, all 60k trained, test each epoch</td></tr>
 * <tr><td>cnn-wide</td><td>conv 1→32 3×3, conv 32→64 3×3, pool, dropout 0.25, fc 9216→128, dropout 0.5, fc 128→10</td>
 *     <td>SGD lr 0.01, batch 64, 10 epochs, 60k / test</td></tr>
 * <tr><td>adder-transfer</td><td>a trained cnn-lenet on both images → softmax → 20 → Linear(20,19) → relu → Linear(19,19)</td>
 *     <td>AdamW lr 0.003 wd 0.002, batch 200, 10 epochs, classifier frozen (freezePretrained=false fine-tunes it)</td></tr>
 * <tr><td>adder-scratch</td><td>conv 1→10 5×5, pool, conv 10→20 3×3 (2000 features) per image → 4000 → 128 → relu → 19</td>
 *     <td>AdamW lr 0.002 wd 0.003, batch 200, 10 epochs</td></tr>
 * </table>
 *
 * <p>Beyond the labs, each lab has an improved preset, {@code mlp-plus}, {@code cnn-plus},
 * {@code adder-transfer-plus} and {@code adder-scratch-plus}: the lab's spec with a list of
 * {@link Improvement}s ({@link #improvements}), each of them today's standard practice (batch
 * normalization, augmentation, a learning-rate schedule, label smoothing, a larger network, another
 * optimizer). {@link #lab} names the faithful preset an improved one starts from.
 */
public final class Presets {
    /** The digit classifier a transfer adder reuses unless told otherwise. */
    public static final String DEFAULT_PRETRAINED_PRESET = "cnn-lenet";

    private static final Map<String, ExperimentSpec> PRESETS = new LinkedHashMap<>();
    private static final Map<String, String> LABS = new LinkedHashMap<>();
    private static final Map<String, List<Improvement>> IMPROVEMENTS = new LinkedHashMap<>();

    static {
        // The MLP lab feeds raw pixels scaled to [0, 1] (mean 0, std 1).
        ExperimentSpec mlp = ExperimentSpec.builder("mlp", ModelKind.MLP).hidden(List.of(30))
                .activation(ActivationKind.SIGMOID).optimizer(OptimizerKind.SGD).learningRate(0.01f).weightDecay(1e-4f)
                .batchSize(10).epochs(30).validationSize(10_000).normalize(0f, 1f).lossEvery(500)
                .build();
        put(mlp);
        put(mlp.toBuilder().preset("mlp-scratch").model(ModelKind.MLP_SCRATCH).build());
        put(ExperimentSpec.builder("cnn-small", ModelKind.CNN).hidden(List.of(512)).activation(ActivationKind.RELU)
                .stages(List.of(new ConvStage(4, 3, 1, 2), new ConvStage(8, 3, 1, 2))).dropout(0.4f)
                .optimizer(OptimizerKind.ADAM).learningRate(1e-4f).batchSize(128).epochs(60).validationSize(10_000)
                .lossEvery(50).build());
        put(ExperimentSpec.builder("cnn-lenet", ModelKind.CNN).activation(ActivationKind.RELU)
                .stages(List.of(ConvStage.of(10, 5), ConvStage.of(20, 5))).optimizer(OptimizerKind.SGD)
                .learningRate(0.01f).momentum(0.5f).batchSize(64).epochs(10).lossEvery(300).build());
        put(ExperimentSpec.builder("cnn-wide", ModelKind.CNN).hidden(List.of(128)).activation(ActivationKind.RELU)
                .stages(List.of(new ConvStage(32, 3, 0, 0), new ConvStage(64, 3, 0, 2))).featureDropout(0.25f)
                .dropout(0.5f).optimizer(OptimizerKind.SGD).learningRate(0.01f).batchSize(64).epochs(10)
                .lossEvery(100).build());
        // The lab fine-tunes end to end, but at AdamW lr 0.003 that perturbs the classifier and the sum is
        // learned slowly (measured: 64% validation error after 2 epochs, against 3.9% with the classifier
        // frozen). The preset therefore trains the head on the frozen classifier; freezePretrained=false
        // gives the lab's end-to-end fine-tuning.
        put(ExperimentSpec.builder("adder-transfer", ModelKind.ADDER_TRANSFER).hidden(List.of(ExperimentSpec.SUMS))
                .activation(ActivationKind.RELU)
                .optimizer(OptimizerKind.ADAMW).learningRate(0.003f).weightDecay(0.002f).batchSize(200).epochs(10)
                .validationSize(10_000).freezePretrained(true).lossEvery(25).build());
        put(ExperimentSpec.builder("adder-scratch", ModelKind.ADDER_SCRATCH).hidden(List.of(128))
                .activation(ActivationKind.RELU).stages(List.of(ConvStage.of(10, 5), new ConvStage(20, 3, 0, 0)))
                .optimizer(OptimizerKind.ADAMW).learningRate(0.002f).weightDecay(0.003f).batchSize(200).epochs(10)
                .validationSize(10_000).lossEvery(25).build());

        Improvement schedule = new Improvement("schedule", "cosine learning-rate schedule after a one-epoch warm-up",
                b -> b.schedule(ScheduleKind.COSINE).warmupEpochs(1));
        Improvement augmentation = new Improvement("augmentation",
                "training digits moved by up to 2 pixels and turned by up to 10 degrees", b -> b.augment(2, 10));
        Improvement smoothing = new Improvement("label-smoothing", "label smoothing 0.1", b -> b.labelSmoothing(0.1f));
        Improvement batchNorm = new Improvement("batch-norm", "batch normalization after each convolution",
                b -> b.batchNorm(true));
        improve("mlp-plus", "mlp", List.of(
                new Improvement("network", "784–512–512–10 with relu and dropout 0.2 (the lab: 784–30–10 sigmoid)",
                        b -> b.hidden(List.of(512, 512)).activation(ActivationKind.RELU).dropout(0.2f)),
                new Improvement("optimizer", "Adam at lr 0.001, batch 100 (the lab: SGD at 0.01, batch 10)",
                        b -> b.optimizer(OptimizerKind.ADAM).learningRate(1e-3f).weightDecay(0).batchSize(100)
                                .lossEvery(100)),
                schedule, augmentation, smoothing));
        improve("cnn-plus", "cnn-lenet", List.of(
                new Improvement("network", "three 3×3 conv stages of 32, 64 and 128 channels, each pooled, dropout 0.25"
                        + " (the lab: two 5×5 stages of 10 and 20)",
                        b -> b.stages(List.of(new ConvStage(32, 3, 1, 2), new ConvStage(64, 3, 1, 2),
                                new ConvStage(128, 3, 1, 2))).featureDropout(0.25f)),
                batchNorm,
                new Improvement("optimizer", "SGD at lr 0.05 with momentum 0.9, weight decay 5e-4, batch 128"
                        + " (the lab: lr 0.01, momentum 0.5, batch 64)",
                        b -> b.learningRate(0.05f).momentum(0.9f).weightDecay(5e-4f).batchSize(128).lossEvery(150)),
                schedule, augmentation, smoothing,
                new Improvement("epochs", "15 epochs (the lab: 10)", b -> b.epochs(15))));
        improve("adder-transfer-plus", "adder-transfer", List.of(
                new Improvement("network", "a head of 128 hidden units (the lab: 19)", b -> b.hidden(List.of(128))),
                schedule, smoothing));
        improve("adder-scratch-plus", "adder-scratch", List.of(
                new Improvement("network", "two 3×3 conv stages of 32 and 64 channels, each pooled: 3,136 features"
                        + " per digit (the lab: 5×5 of 10, pooled, and 3×3 of 20: 2,000)",
                        b -> b.stages(List.of(new ConvStage(32, 3, 1, 2), new ConvStage(64, 3, 1, 2)))),
                new Improvement("digit-bottleneck", "each image classified into 10 digits on its own (128 hidden units),"
                        + " the sum's distribution computed exactly from the two (the lab: 128 hidden units over both"
                        + " images' features)", b -> b.digitBottleneck(true)),
                batchNorm, schedule, augmentation, smoothing,
                new Improvement("epochs", "15 epochs (the lab: 10)", b -> b.epochs(15))));
    }

    private static void improve(String id, String lab, List<Improvement> changes) {
        ExperimentSpec spec = PRESETS.get(lab).toBuilder().preset(id).build();
        for (Improvement change : changes) {
            spec = change.applyTo(spec);
        }
        put(spec);
        LABS.put(id, lab);
        IMPROVEMENTS.put(id, List.copyOf(changes));
    }

    /** The improved presets' ids. */
    public static Set<String> improvedIds() {
        return LABS.keySet();
    }

    /** The faithful preset an improved one starts from, e.g. {@code cnn-lenet} for {@code cnn-plus}; the id itself for a lab's preset. */
    public static String lab(String id) {
        get(id);
        return LABS.getOrDefault(id, id);
    }

    /**
     * The changes an improved preset makes to its lab's spec, in order; empty for a lab's own preset.
     */
    public static List<Improvement> improvements(String id) {
        get(id);
        return IMPROVEMENTS.getOrDefault(id, List.of());
    }

    private Presets() {
    }

    private static void put(ExperimentSpec spec) {
        PRESETS.put(spec.preset(), spec);
    }

    /** The preset ids, in the order of the labs. */
    public static Set<String> ids() {
        return PRESETS.keySet();
    }

    /** The preset's spec; an unknown id is an error listing the known ones. */
    public static ExperimentSpec get(String id) {
        ExperimentSpec spec = PRESETS.get(id == null ? "" : id.strip());
        if (spec == null) {
            throw new IllegalArgumentException("preset '" + id + "' is not known; use one of " + String.join(", ", ids()));
        }
        return spec;
    }
}
