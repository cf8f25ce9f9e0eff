package io.github.mnistlab.maven.report;

import io.github.mnistlab.data.DigitImages;
import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.eval.Evaluation;
import io.github.mnistlab.maven.results.ComparisonResult;
import io.github.mnistlab.record.EpochRecord;
import io.github.mnistlab.record.LossSeries;
import io.github.mnistlab.record.Provenance;
import io.github.mnistlab.record.RunPictures;
import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunStatus;
import io.github.mnistlab.record.StepEvent;
import io.github.mnistlab.record.SweepRecord;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.Presets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Realistic run records generated in plain Java: per-epoch curves that fall like real training,
 * evaluations with confusion matrices and confident mistakes, loss series, sweeps and comparisons,
 * plus a small synthetic digit set (blobs, not MNIST) for the pictures.
 */
final class ReportFixtures {
    static final int TEST_DIGITS = 200;

    private ReportFixtures() {
    }

    /** A run of {@code preset} over {@code epochs} epochs, ending near {@code accuracy}. */
    static RunRecord run(String id, String preset, int epochs, double accuracy, long seed) {
        ExperimentSpec spec = Presets.get(preset).toBuilder().epochs(epochs).limit(2000).seed(seed).build();
        if (preset.equals("adder-transfer")) {
            spec = spec.toBuilder().pretrained("target/lab/runs/digits").build();
        }
        Random rng = new Random(seed);
        int classes = spec.classes();
        List<EpochRecord> records = new ArrayList<>();
        long iterations = 0;
        for (int e = 1; e <= epochs; e++) {
            double progress = e / (double) epochs;
            double train = (1 - accuracy) * (1.6 - 0.9 * progress) + 0.01 * rng.nextDouble();
            double validation = (1 - accuracy) * (1.8 - 0.8 * progress) + 0.01 * rng.nextDouble();
            iterations += 32;
            records.add(new EpochRecord(e, 2 * train, train, spec.validationSize() > 0 ? 2 * validation : null,
                    spec.validationSize() > 0 ? validation : null, 2 * validation, validation, 3.5 + rng.nextDouble(),
                    iterations, 0, 0));
        }
        List<Float> loss = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            loss.add((float) (2.3 * Math.exp(-i / 8.0) + 0.1 + 0.05 * rng.nextDouble()));
        }
        int[] actual = new int[TEST_DIGITS];
        int[] predicted = new int[TEST_DIGITS];
        float[] confidence = new float[TEST_DIGITS];
        for (int i = 0; i < TEST_DIGITS; i++) {
            actual[i] = i % classes;
            predicted[i] = rng.nextDouble() < accuracy ? actual[i] : (actual[i] + 1 + rng.nextInt(classes - 1)) % classes;
            confidence[i] = 0.5f + 0.5f * rng.nextFloat();
        }
        Evaluation test = Evaluation.of(classes, actual, predicted, confidence, 0.31, 50);
        Provenance provenance = new Provenance(seed, "0.1.0-SNAPSHOT", "0.35.1", "PyTorch 2.7.1", "cpu()", 2, 2,
                "17.0.12", "Linux amd64", "cache ~/.cache/mnist-lab/mnist",
                Map.of("t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
                "2025-03-01T10:00:00Z", "zero");
        double seconds = records.stream().mapToDouble(EpochRecord::seconds).sum();
        long parameters = NetworkStructure.of(spec, p -> Presets.get("cnn-lenet")).total();
        return new RunRecord(RunRecord.SCHEMA_VERSION, id, preset, RunStatus.COMPLETE, null, spec, provenance,
                parameters, records, new LossSeries(5, loss), epochs, seconds, test, "model.params", 0, 0, List.of(), null);
    }

    /** A k × m sweep of the MLP. */
    static ReportInputs.Sweep mlpSweep(int points) {
        List<SweepRecord.Point> list = new ArrayList<>();
        int[] ms = {16, 32, 64, 128};
        for (int k = 1; k <= 3 && list.size() < points; k++) {
            for (int m : ms) {
                if (list.size() == points) {
                    break;
                }
                double acc = 0.88 + 0.02 * Math.log(m) / Math.log(2) / 7 * 3 - 0.01 * (k - 1);
                list.add(new SweepRecord.Point(String.format(Locale.ROOT, "mlp-k%d-m%d", k, m), Map.of("k", k, "m", m),
                        acc, acc - 0.003, 10.0 * k));
            }
        }
        SweepRecord.Point best = list.stream().max((a, b) -> Double.compare(a.selectionAccuracy(), b.selectionAccuracy()))
                .orElseThrow();
        return new ReportInputs.Sweep("widths", new SweepRecord(1, "mlp", "mlp", list, best.id()));
    }

    /** A depth × kernel sweep of the CNN. */
    static ReportInputs.Sweep cnnSweep() {
        List<SweepRecord.Point> list = new ArrayList<>();
        for (int depth = 1; depth <= 2; depth++) {
            for (int kernel : new int[] {3, 5}) {
                double acc = 0.95 + 0.01 * depth + 0.002 * kernel;
                list.add(new SweepRecord.Point("cnn-d" + depth + "-k" + kernel, Map.of("depth", depth, "kernel", kernel),
                        null, acc, 20.0 * depth));
            }
        }
        return new ReportInputs.Sweep("kernels", new SweepRecord(1, "cnn", "cnn-lenet", list, "cnn-d2-k5"));
    }

    /** An ablation of cnn-plus: the lab's spec at 98.40 %, each change alone a little better, all of them 99.56 %. */
    static ReportInputs.Sweep ablation() {
        List<SweepRecord.Point> list = new ArrayList<>();
        list.add(new SweepRecord.Point("lab", Map.of("changes", 0), null, 0.9840, 55.0));
        double[] gains = {0.0060, 0.0030, 0.0010, 0.0005, 0.0045, 0.0002, 0.0012};
        List<io.github.mnistlab.spec.Improvement> changes = Presets.improvements("cnn-plus");
        for (int i = 0; i < changes.size(); i++) {
            list.add(new SweepRecord.Point(changes.get(i).id(), Map.of("changes", 1), null, 0.9840 + gains[i], 60.0 + i));
        }
        list.add(new SweepRecord.Point("all", Map.of("changes", changes.size()), null, 0.9956, 348.4));
        return new ReportInputs.Sweep("what-each-change-bought", new SweepRecord(1, "ablation", "cnn-plus", list, "all"));
    }

    static ComparisonResult comparison(String id, RunRecord... runs) {
        return ComparisonResult.of(id, "transfer vs scratch", List.of(runs));
    }

    /** Synthetic digits: a blob whose position depends on the label, so every picture differs. */
    static MnistDataset digits() {
        return new MnistDataset(images(600, 1), images(TEST_DIGITS, 2), "synthetic", Map.of());
    }

    private static DigitImages images(int count, long seed) {
        Random rng = new Random(seed);
        byte[] pixels = new byte[count * DigitImages.PIXELS];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = i % 10;
            labels[i] = (byte) label;
            int cx = 8 + label, cy = 8 + (label * 7) % 12;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    double d = Math.hypot(x - cx, y - cy);
                    int v = d < 5 + rng.nextInt(2) ? 255 : 0;
                    pixels[i * DigitImages.PIXELS + y * 28 + x] = (byte) v;
                }
            }
        }
        return new DigitImages(pixels, labels);
    }

    /** {@code r} as if the step check had met {@code events} (their totals as the runner counts them). */
    static RunRecord withStepEvents(RunRecord r, StepEvent... events) {
        int skipped = (int) java.util.Arrays.stream(events).filter(StepEvent::skipped).count();
        return new RunRecord(r.schemaVersion(), r.id(), r.preset(), r.status(), r.message(), r.spec(), r.provenance(),
                r.parameterCount(), r.epochs(), r.iterationLoss(), r.bestEpoch(), r.trainingSeconds(), r.test(),
                r.parametersFile(), events.length - skipped, skipped, List.of(events), null);
    }

    /** A gradient spike at {@code iteration}, applied when computed once more. */
    static StepEvent gradientSpike(long iteration) {
        return new StepEvent(iteration, StepEvent.Kind.GRADIENT_SPIKE, "02Conv2d_weight", 3.0e4, 2.0, false);
    }

    /** Inputs with every section (sum-scratch with 3 recomputed and 1 skipped step): a LeNet, MLP and scratch MLP, two adders compared, two sweeps. */
    static ReportInputs full(Locale locale, String description) {
        RunRecord digits = run("digits", "cnn-lenet", 4, 0.97, 7);
        RunRecord mlp = run("mlp", "mlp", 3, 0.93, 8);
        RunRecord scratch = run("mlp-scratch", "mlp-scratch", 3, 0.92, 9);
        RunRecord transfer = run("sum-transfer", "adder-transfer", 5, 0.90, 11);
        RunRecord adder = withStepEvents(run("sum-scratch", "adder-scratch", 5, 0.75, 11), gradientSpike(120),
                gradientSpike(480), StepEvent.nonFinite(700, "01Conv2d_weight", false),
                new StepEvent(900, StepEvent.Kind.LOSS_SPIKE, null, 80.0, 0.3, true));
        List<ReportInputs.Run> runs = List.of(new ReportInputs.Run(digits, description, null), new ReportInputs.Run(mlp, null, null),
                new ReportInputs.Run(scratch, null, null), new ReportInputs.Run(transfer, "AdamW, transfer", null),
                new ReportInputs.Run(adder, null, null));
        return new ReportInputs("MNIST lab", locale, XAxis.ITERATIONS, runs,
                List.of(comparison("adders", transfer, adder)), List.of(mlpSweep(12), cnnSweep()), digits(), null,
                "0123456789abcdef0123456789abcdef01234567", "2025-03-01T12:00:00Z");
    }

    /**
     * {@code r} with the pictures a 3-epoch small-CNN run records (kernels at the start, after epoch 2
     * and at the best epoch 3; layers 1 and 2 of test digits 0 and 1), drawn as small PNG files in {@code dir}.
     */
    static RunRecord withPictures(RunRecord r, java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("pictures"));
        List<RunPictures.KernelPicture> kernels = new ArrayList<>();
        for (int epoch : new int[] {0, 2, 3}) {
            String file = "pictures/kernels-epoch-" + epoch + ".png";
            png(dir.resolve(file), 34, 130);
            kernels.add(new RunPictures.KernelPicture(epoch, epoch * 32L, epoch == 3, file, 4, 3, 0.5));
        }
        List<RunPictures.FeatureMapPicture> maps = new ArrayList<>();
        int[] labels = {7, 2};
        for (int digit = 0; digit < 2; digit++) {
            for (int layer = 1; layer <= 2; layer++) {
                String file = "pictures/features-digit-" + digit + "-layer-" + layer + ".png";
                png(dir.resolve(file), 60, layer == 1 ? 234 : 466);
                maps.add(new RunPictures.FeatureMapPicture(layer, digit, labels[digit], file, layer == 1 ? 4 : 8,
                        layer == 1 ? 28 : 14));
            }
        }
        return new RunRecord(r.schemaVersion(), r.id(), r.preset(), r.status(), r.message(), r.spec(), r.provenance(),
                r.parameterCount(), r.epochs(), r.iterationLoss(), r.bestEpoch(), r.trainingSeconds(), r.test(),
                r.parametersFile(), r.recomputedSteps(), r.skippedSteps(), r.stepEvents(), new RunPictures(kernels, maps));
    }

    private static void png(java.nio.file.Path file, int height, int width) throws java.io.IOException {
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", file.toFile());
    }
}
