package io.github.mnistlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mnistlab.data.DigitImages;
import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.spec.ActivationKind;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.ModelKind;
import io.github.mnistlab.spec.OptimizerKind;
import io.github.mnistlab.spec.Presets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The workloads' definitions and the benchmark's epoch accounting; no time is asserted on. */
class EpochBenchmarkTest {
    @Test
    void workloadsTrainWhatTheBenchmarkPromises() {
        ExperimentSpec b10 = BenchWorkload.MLP30_B10.spec();
        assertEquals(List.of(30), b10.hidden());
        assertEquals(ActivationKind.SIGMOID, b10.activation());
        assertEquals(10, b10.batchSize());
        assertEquals(10_000, b10.validationSize(), "50,000 of the 60,000 training digits");
        assertEquals(64, BenchWorkload.MLP30_B64.spec().batchSize());
        ExperimentSpec adam = BenchWorkload.MLP128_ADAM.spec();
        assertEquals(List.of(128), adam.hidden());
        assertEquals(OptimizerKind.ADAM, adam.optimizer());
        assertEquals(0.001f, adam.learningRate());
        assertEquals(0, BenchWorkload.LENET.spec().validationSize(), "all 60,000 digits");
        assertEquals(Presets.get("cnn-lenet").stages(), BenchWorkload.LENET.spec().stages());
        assertEquals(200, BenchWorkload.WIDE.defaultBatches());
        assertEquals(200, BenchWorkload.ADDER_TRANSFER.spec().batchSize());
        assertEquals(OptimizerKind.ADAMW, BenchWorkload.ADDER_TRANSFER.spec().optimizer());
        // The scratch workload is mlp30-b10 on the other engine: only the model kind (and its name) differ.
        ExperimentSpec scratch = BenchWorkload.SCRATCH_B10.spec();
        assertEquals(b10.toBuilder().model(ModelKind.MLP_SCRATCH).preset(scratch.preset()).build(), scratch);
        assertTrue(BenchWorkload.SCRATCH_B10.isMlp());
        assertFalse(BenchWorkload.WIDE.isMlp());
    }

    @Test
    void unknownWorkloadNamesTheKnownOnes() {
        assertEquals(BenchWorkload.ADDER_TRANSFER, BenchWorkload.parse(" adder-transfer "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchWorkload.parse("lenet5"));
        assertEquals("workload 'lenet5' is not known; use one of mlp30-b10, mlp30-b64, mlp128-adam, lenet, wide,"
                + " adder-transfer, scratch-b10", e.getMessage());
    }

    @Test
    void badOptionsAreNamed() {
        EpochBenchmark.Builder b = EpochBenchmark.builder().setWorkload(BenchWorkload.LENET);
        assertEquals("repeats is 0 epochs, expected 1 or more",
                assertThrows(IllegalArgumentException.class, () -> b.optRepeats(0).build()).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> EpochBenchmark.builder().optWarmup(1).build()).getMessage().contains("setWorkload"));
    }

    @Test
    void batchesLimitTheTrainingDigits() {
        assertEquals(0, EpochBenchmark.builder().setWorkload(BenchWorkload.LENET).build().spec().limit());
        assertEquals(200 * 64, EpochBenchmark.builder().setWorkload(BenchWorkload.WIDE).build().spec().limit());
        assertEquals(50 * 200, EpochBenchmark.builder().setWorkload(BenchWorkload.ADDER_TRANSFER).optBatches(50)
                .build().spec().limit());
    }

    @Test
    void scratchRunReportsWarmupThenTimedEpochs() {
        List<BenchSetup> setups = new ArrayList<>();
        List<BenchEpoch> epochs = new ArrayList<>();
        EpochBenchmark.builder().setWorkload(BenchWorkload.SCRATCH_B10).optWarmup(1).optRepeats(2).optBatches(3).build()
                .run(generated(10_100), new EpochBenchmark.Listener() {
                    @Override
                    public void onStart(BenchSetup setup) {
                        setups.add(setup);
                    }

                    @Override
                    public void onEpoch(BenchEpoch epoch) {
                        epochs.add(epoch);
                    }
                });
        assertEquals(List.of(new BenchSetup("scratch-b10", "scratch", setups.get(0).engine(), 10, 3, 30)), setups);
        assertEquals(List.of(1, 2, 3), epochs.stream().map(BenchEpoch::epoch).toList());
        assertEquals(List.of(true, false, false), epochs.stream().map(BenchEpoch::warmup).toList());
        for (BenchEpoch e : epochs) {
            assertEquals(30, e.samples());
            assertTrue(e.seconds() > 0 && Double.isFinite(e.loss()), e.toString());
        }
    }

    /** Random digits: enough for the labs' 10,000-digit validation split, not a learnable set. */
    private static MnistDataset generated(int count) {
        SplittableRandom random = new SplittableRandom(7);
        byte[] pixels = new byte[count * DigitImages.PIXELS];
        byte[] labels = new byte[count];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) random.nextInt(256);
        }
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) random.nextInt(10);
        }
        DigitImages digits = new DigitImages(pixels, labels);
        return new MnistDataset(digits, digits.slice(0, 100), "generated", Map.of());
    }
}
