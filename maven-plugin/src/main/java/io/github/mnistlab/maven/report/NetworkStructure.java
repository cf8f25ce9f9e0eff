package io.github.mnistlab.maven.report;

import io.github.mnistlab.spec.ConvStage;
import io.github.mnistlab.spec.ExperimentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The layers of a run's network with their output shapes and trainable parameters, worked out from
 * the spec alone (the architectures of {@code io.github.mnistlab.model}), so the report needs no
 * engine. Shapes are per sample: a conv layer maps side s to s + 2p − k + 1, a pool divides by p;
 * a linear layer has in·out + out parameters, a conv layer cin·cout·k² + cout.
 *
 * @param layers the layers in order, the input first
 * @param total  the sum of the layers' parameters
 */
public record NetworkStructure(List<Layer> layers, long total) {
    private static final int SIDE = 28;

    /**
     * One layer.
     *
     * @param name       e.g. {@code Conv2d 5×5, 10 filters}
     * @param shape      output shape per sample, e.g. {@code 10×12×12}
     * @param parameters trainable parameters
     */
    public record Layer(String name, String shape, long parameters) {
    }

    public NetworkStructure {
        layers = List.copyOf(layers);
    }

    /**
     * The structure of {@code spec}. A transfer adder reuses the digit classifier of its pretrained
     * run, whose spec {@code pretrained} returns (null when unknown: the classifier is then one row
     * without parameters counted).
     */
    public static NetworkStructure of(ExperimentSpec spec, Function<String, ExperimentSpec> pretrained) {
        List<Layer> layers = new ArrayList<>();
        String act = spec.activation().id();
        switch (spec.model()) {
            case MLP, MLP_SCRATCH -> {
                layers.add(new Layer("input", "1×28×28", 0));
                digitClassifier(spec, layers, act, "");
            }
            case CNN -> {
                layers.add(new Layer("input", "1×28×28", 0));
                digitClassifier(spec, layers, act, "");
            }
            case ADDER_SCRATCH -> {
                layers.add(new Layer("input", "2 × 1×28×28", 0));
                int features = convStages(spec.stages(), spec.batchNorm(), layers, act, "per digit: ");
                if (spec.digitBottleneck()) {
                    List<Layer> perDigit = new ArrayList<>();
                    perDigit.add(linear(dense(spec.hidden(), features, perDigit, act), 10, ""));
                    perDigit.forEach(l -> layers.add(prefixed(l, "per digit: ")));
                    layers.add(new Layer("sum of the two digit distributions (exact)", String.valueOf(ExperimentSpec.SUMS), 0));
                } else {
                    int in = 2 * features;
                    layers.add(new Layer("concat", String.valueOf(in), 0));
                    in = dense(spec.hidden(), in, layers, act);
                    layers.add(linear(in, ExperimentSpec.SUMS, ""));
                }
            }
            case ADDER_TRANSFER -> {
                layers.add(new Layer("input", "2 × 1×28×28", 0));
                ExperimentSpec classifier = spec.pretrained() == null ? null : pretrained.apply(spec.pretrained());
                if (classifier == null) {
                    layers.add(new Layer("per digit: pretrained classifier " + spec.pretrained() + " (unknown)", "10", 0));
                } else {
                    List<Layer> inner = new ArrayList<>();
                    digitClassifier(classifier, inner, classifier.activation().id(), "per digit: ");
                    layers.addAll(inner);
                }
                layers.add(new Layer("per digit: softmax", "10", 0));
                layers.add(new Layer("concat", "20", 0));
                int in = dense(spec.hidden().isEmpty() ? List.of(ExperimentSpec.SUMS) : spec.hidden(), 20, layers, act);
                layers.add(linear(in, ExperimentSpec.SUMS, ""));
            }
            default -> throw new IllegalArgumentException("no structure for model " + spec.model());
        }
        return new NetworkStructure(layers, layers.stream().mapToLong(Layer::parameters).sum());
    }

    /** Appends a digit classifier's layers (MLP or CNN, 10 outputs) and returns 10. */
    private static int digitClassifier(ExperimentSpec spec, List<Layer> layers, String act, String prefix) {
        int in;
        switch (spec.model()) {
            case MLP, MLP_SCRATCH -> {
                layers.add(new Layer(prefix + "flatten", "784", 0));
                in = 784;
                for (int m : spec.hidden()) {
                    layers.add(prefixed(linear(in, m, " + " + act), prefix));
                    in = m;
                    if (spec.dropout() > 0) {
                        layers.add(new Layer(prefix + "dropout " + spec.dropout(), String.valueOf(m), 0));
                    }
                }
            }
            case CNN -> {
                in = convStages(spec.stages(), spec.batchNorm(), layers, act, prefix);
                if (spec.featureDropout() > 0) {
                    layers.add(new Layer(prefix + "dropout " + spec.featureDropout(), String.valueOf(in), 0));
                }
                for (int m : spec.hidden()) {
                    layers.add(prefixed(linear(in, m, " + " + act), prefix));
                    in = m;
                    if (spec.dropout() > 0) {
                        layers.add(new Layer(prefix + "dropout " + spec.dropout(), String.valueOf(m), 0));
                    }
                }
            }
            default -> throw new IllegalArgumentException("model " + spec.model() + " is not a digit classifier");
        }
        layers.add(prefixed(linear(in, 10, ""), prefix));
        return 10;
    }

    /**
     * Appends conv (+ activation) and pool rows and a flatten row; returns the flattened size. With
     * batch normalization a conv has no bias and is followed by a batch-norm row of 4 values per
     * channel (γ and β, trained; the running mean and variance, kept), as the run counts them.
     */
    private static int convStages(List<ConvStage> stages, boolean batchNorm, List<Layer> layers, String act,
            String prefix) {
        int side = SIDE;
        int channels = 1;
        for (ConvStage s : stages) {
            int k = s.kernel();
            side = side + 2 * s.padding() - k + 1;
            long params = (long) channels * s.channels() * k * k + (batchNorm ? 0 : s.channels());
            String pad = s.padding() > 0 ? ", padding " + s.padding() : "";
            String shape = s.channels() + "×" + side + "×" + side;
            if (batchNorm) {
                layers.add(new Layer(prefix + "Conv2d " + channels + "→" + s.channels() + ", " + k + "×" + k + pad
                        + ", no bias", shape, params));
                layers.add(new Layer(prefix + "BatchNorm + " + act, shape, 4L * s.channels()));
            } else {
                layers.add(new Layer(prefix + "Conv2d " + channels + "→" + s.channels() + ", " + k + "×" + k + pad + " + "
                        + act, shape, params));
            }
            channels = s.channels();
            if (s.pool() > 1) {
                side = side / s.pool();
                layers.add(new Layer(prefix + "MaxPool " + s.pool() + "×" + s.pool(), channels + "×" + side + "×" + side, 0));
            }
        }
        int flat = channels * side * side;
        layers.add(new Layer(prefix + "flatten", String.valueOf(flat), 0));
        return flat;
    }

    private static int dense(List<Integer> hidden, int in, List<Layer> layers, String act) {
        for (int m : hidden) {
            layers.add(linear(in, m, " + " + act));
            in = m;
        }
        return in;
    }

    private static Layer linear(int in, int out, String suffix) {
        return new Layer("Linear " + in + "→" + out + suffix, String.valueOf(out), (long) in * out + out);
    }

    private static Layer prefixed(Layer layer, String prefix) {
        return new Layer(prefix + layer.name(), layer.shape(), layer.parameters());
    }
}
