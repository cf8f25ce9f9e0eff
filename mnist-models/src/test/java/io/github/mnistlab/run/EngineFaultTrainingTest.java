package io.github.mnistlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.data.RealMnist;
import io.github.mnistlab.record.EpochRecord;
import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunRecords;
import io.github.mnistlab.record.RunStatus;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.Presets;
import io.github.mnistlab.train.DivergedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The presets whose first convolution met libtorch 2.7.1's faulty oneDNN weight gradient, trained
 * under the settings that made the fault happen in every run ({@code ONEDNN_PRIMITIVE_CACHE_CAPACITY=0},
 * on the AVX2 kernels so that AVX2-only CPUs run the same code): every epoch finite and no step
 * recomputed or skipped. The POM runs this class in a Surefire execution of its own with that
 * environment (tag {@value #TAG}); the default execution leaves it out.
 */
@Tag(EngineFaultTrainingTest.TAG)
class EngineFaultTrainingTest {
    static final String TAG = "engine-fault";
    private static MnistDataset data;
    private final List<String> log = new ArrayList<>();

    @TempDir
    Path runs;

    @BeforeAll
    static void load() {
        assertEquals("0", System.getenv("ONEDNN_PRIMITIVE_CACHE_CAPACITY"),
                "run this class in the POM's engine-fault execution, which disables oneDNN's primitive cache");
        assertEquals("AVX2", System.getenv("DNNL_MAX_CPU_ISA"),
                "run this class in the POM's engine-fault execution, which caps oneDNN at AVX2");
        assertEquals("true", System.getenv("DJL_OFFLINE"), "the POM's Surefire settings keep DJL offline");
        System.setProperty("ai.djl.pytorch.num_threads", "2");
        data = RealMnist.dataset();
    }

    private RunRecord train(String id, ExperimentSpec spec) {
        return ExperimentRunner.create(DeviceChoice.CPU, log::add, 60).run(id, spec, data, runs.resolve(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cnn-lenet", "cnn-small", "adder-scratch"})
    void trainsTwoEpochsWithFiniteRecordsAndNoHeldBackStep(String preset) {
        RunRecord r = train(preset, Presets.get(preset).toBuilder().limit(3_000).epochs(2).build());

        assertEquals(RunStatus.COMPLETE, r.status());
        assertEquals(2, r.epochs().size());
        for (EpochRecord e : r.epochs()) {
            assertTrue(Double.isFinite(e.trainLoss()) && Double.isFinite(e.trainError()), preset + " epoch " + e);
            assertEquals(0, e.skippedSteps(), preset + " epoch " + e.epoch() + " skipped steps; log: " + log);
            assertEquals(0, e.recomputedSteps(), preset + " epoch " + e.epoch() + " recomputed steps; log: " + log);
        }
        assertEquals(0, r.skippedSteps());
        assertEquals(0, r.recomputedSteps());
        double chance = 1.0 / r.test().classes();
        assertTrue(r.test().accuracy() > 2 * chance, preset + ": test accuracy " + r.test().accuracy());
        assertTrue(log.stream().noneMatch(line -> line.contains("warning")), "no fault was logged: " + log);
    }

    /**
     * A learning rate so high that the loss overflows is reported as a divergence, not as an engine
     * fault. (At 1e3 the lab's networks do not get there: their loss climbs to 1e10–1e16 and stays finite.)
     */
    @Test
    void aRealDivergenceStillStopsWithTheDivergenceMessage() {
        DivergedException e = assertThrows(DivergedException.class,
                () -> train("hot", Presets.get("cnn-lenet").toBuilder().limit(2_000).epochs(2).learningRate(1e30f).build()));

        assertTrue(e.getMessage().contains("the training loss became"), e.getMessage());
        assertTrue(e.getMessage().contains("lower the learning rate"), e.getMessage());
        assertEquals(RunStatus.DIVERGED, RunRecords.read(runs.resolve("hot")).status());
    }

    /**
     * Same seed, same machine, same threads: the first steps trained twice in one process give the
     * same losses bit for bit ({@code LabCli verify}). A step that read memory nobody wrote would differ.
     */
    @ParameterizedTest
    @ValueSource(strings = {"cnn-lenet", "cnn-small", "cnn-wide", "mlp-plus"})
    void theFirstStepsTrainedTwiceGiveIdenticalLosses(String preset) {
        List<String> events = new ArrayList<>();
        TrainingTrace first = TrainingTrace.of(Presets.get(preset), data, 60, true, b -> b, e -> events.add(e.describe()));
        TrainingTrace second = TrainingTrace.of(Presets.get(preset), data, 60, true, b -> b, e -> events.add(e.describe()));

        assertEquals(60, first.steps());
        assertEquals(0, first.firstDifference(second), () -> java.util.Arrays.toString(first.losses()) + " vs "
                + java.util.Arrays.toString(second.losses()));
        assertEquals(List.of(), events);
        assertTrue(first.losses()[59] < first.losses()[0], "it trained: " + first.losses()[0] + " → " + first.losses()[59]);
    }
}
