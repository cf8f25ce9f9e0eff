package io.github.mnistlab.bench;

import io.github.mnistlab.spec.ActivationKind;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.ModelKind;
import io.github.mnistlab.spec.OptimizerKind;
import io.github.mnistlab.spec.Presets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The training workloads the {@code bench} command times, each a lab network with its data, batch
 * size and optimizer, derived from the presets so that the benchmark trains exactly what the labs
 * train. {@code bench/reference.py} defines the same workloads for the PyTorch peer; the two lists
 * must change together.
 *
 * <p>"50,000 digits" workloads hold out the labs' 10,000 validation digits
 * ({@link ExperimentSpec#validationSize()}); "60,000 digits" ones train on the whole training set.
 */
public enum BenchWorkload {
    /** MLP 784–30–10 sigmoid, SGD lr 0.01 (L2 1e-4, as the preset), batch 10, 50,000 digits. */
    MLP30_B10("mlp30-b10", Impl.DJL, Presets.get("mlp"), 0),
    /** The same network and optimizer at batch 64. */
    MLP30_B64("mlp30-b64", Impl.DJL, Presets.get("mlp").toBuilder().batchSize(64).build(), 0),
    /** MLP 784–128–10 relu, Adam lr 0.001 without weight decay, batch 64, 50,000 digits. */
    MLP128_ADAM("mlp128-adam", Impl.DJL, Presets.get("mlp").toBuilder().hidden(List.of(128))
            .activation(ActivationKind.RELU).optimizer(OptimizerKind.ADAM).learningRate(0.001f).weightDecay(0)
            .batchSize(64).build(), 0),
    /** The cnn-lenet preset: SGD lr 0.01 momentum 0.5, batch 64, all 60,000 digits. */
    LENET("lenet", Impl.DJL, Presets.get("cnn-lenet"), 0),
    /** The cnn-wide preset (SGD lr 0.01, batch 64), 200 batches by default: a full epoch takes minutes. */
    WIDE("wide", Impl.DJL, Presets.get("cnn-wide"), 200),
    /**
     * The transfer adder around a randomly initialized cnn-lenet classifier (a trained one would
     * cost the same per step), AdamW lr 0.003 wd 0.002, batch 200, 50,000 pairs.
     */
    // Fine-tuned end to end, as the PyTorch peer trains it (the preset itself freezes the classifier).
    ADDER_TRANSFER("adder-transfer", Impl.DJL, Presets.get("adder-transfer").toBuilder()
            .pretrained("none: a randomly initialized " + Presets.DEFAULT_PRETRAINED_PRESET).freezePretrained(false)
            .build(), 0),
    /** The framework-free engine on the mlp30-b10 workload, to compare with that workload on DJL. */
    SCRATCH_B10("scratch-b10", Impl.SCRATCH, Presets.get("mlp-scratch"), 0);

    /** Which implementation trains a workload. */
    public enum Impl {
        /** DJL on the PyTorch engine, through {@link io.github.mnistlab.train.TrainingLoop}. */
        DJL,
        /** The framework-free {@link io.github.mnistlab.scratch.ScratchMlp}. */
        SCRATCH;

        /** The {@code impl=} value of the benchmark's output lines. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String id;
    private final Impl impl;
    private final ExperimentSpec spec;
    private final int defaultBatches;

    BenchWorkload(String id, Impl impl, ExperimentSpec spec, int defaultBatches) {
        this.id = id;
        this.impl = impl;
        this.spec = spec.toBuilder().preset("bench:" + id).epochs(1).build().validate();
        this.defaultBatches = defaultBatches;
    }

    /** The name the command line and the output lines use, e.g. {@code lenet}. */
    public String id() {
        return id;
    }

    public Impl impl() {
        return impl;
    }

    /** The spec trained (its {@code epochs} is irrelevant: the benchmark decides how many epochs run). */
    public ExperimentSpec spec() {
        return spec;
    }

    /** Batches per epoch when none are asked for; 0 means the whole training set. */
    public int defaultBatches() {
        return defaultBatches;
    }

    /** Whether the network is a multilayer perceptron (the product trains those on one thread). */
    public boolean isMlp() {
        return spec.model() == ModelKind.MLP || spec.model() == ModelKind.MLP_SCRATCH;
    }

    /** The workload named {@code id}; an unknown name is an error listing the known ones. */
    public static BenchWorkload parse(String id) {
        String name = id == null ? "" : id.strip();
        for (BenchWorkload w : values()) {
            if (w.id.equals(name)) {
                return w;
            }
        }
        throw new IllegalArgumentException("workload '" + id + "' is not known; use one of "
                + Arrays.stream(values()).map(BenchWorkload::id).collect(Collectors.joining(", ")));
    }
}
