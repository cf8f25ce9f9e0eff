package io.github.mnistlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.data.RealMnist;
import io.github.mnistlab.record.EpochRecord;
import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunRecords;
import io.github.mnistlab.record.RunStatus;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.LabJson;
import io.github.mnistlab.spec.Presets;
import io.github.mnistlab.spec.SweepPoint;
import io.github.mnistlab.spec.Sweeps;
import io.github.mnistlab.train.DivergedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every preset trained on real MNIST with small limits, the best-validation protocol, and determinism. */
@Tag("training")
class PresetTrainingTest {
    private static MnistDataset data;
    private final List<String> log = new ArrayList<>();

    @TempDir
    Path runs;

    @BeforeAll
    static void load() {
        System.setProperty("ai.djl.pytorch.num_threads", "2");
        data = RealMnist.dataset();
    }

    private RunRecord train(String id, ExperimentSpec spec) {
        return ExperimentRunner.create(DeviceChoice.CPU, log::add, 60).run(id, spec, data, runs.resolve(id));
    }

    private static ExperimentSpec quick(String preset, int limit, int epochs) {
        return Presets.get(preset).toBuilder().limit(limit).epochs(epochs).build();
    }

    private static void assertBeats(double minimum, RunRecord r) {
        assertTrue(r.test().accuracy() >= minimum, r.id() + ": test accuracy " + r.test().accuracy()
                + ", expected ≥ " + minimum + " (chance is about 0.1)");
    }

    @Test
    void digitPresetsBeatChanceByAWideMargin() {
        // The MLP lab's sigmoid net at lr 0.01 learns slowly: 3,000 iterations of batch 10.
        assertBeats(0.70, train("mlp", quick("mlp", 10_000, 3)));
        assertBeats(0.70, train("mlp-scratch", quick("mlp-scratch", 10_000, 3)));
        assertBeats(0.50, train("cnn-small", quick("cnn-small", 10_000, 2).toBuilder().learningRate(1e-3f).build()));
        assertBeats(0.75, train("cnn-lenet", quick("cnn-lenet", 5_000, 1)));
        assertBeats(0.60, train("cnn-wide", quick("cnn-wide", 3_000, 1)));
    }

    @Test
    void addersLearnTheSum() throws Exception {
        RunRecord digits = train("digits", quick("cnn-lenet", 20_000, 1));
        // Batches of 50 instead of 200: four times the optimizer steps on the same small data.
        RunRecord transfer = train("sum-transfer", quick("adder-transfer", 20_000, 2).toBuilder().batchSize(50)
                .pretrained(runs.resolve("digits").toString()).build());
        RunRecord scratch = train("sum-scratch", quick("adder-scratch", 20_000, 2).toBuilder().batchSize(50).build());

        assertEquals(19, transfer.test().classes());
        assertEquals(10_000, transfer.test().samples());
        assertBeats(0.30, transfer);
        assertBeats(0.30, scratch);
        assertTrue(Files.exists(runs.resolve("sum-transfer").resolve("model.params")));
        assertTrue(digits.test().accuracy() > 0.9);
    }

    @Test
    void improvedPresetsTrainWithTheirFeaturesRecorded() {
        // two epochs: the warm-up, then the cosine down to zero
        RunRecord cnn = train("cnn-plus", quick("cnn-plus", 5_000, 2));
        assertBeats(0.90, cnn);
        assertEquals(true, cnn.spec().batchNorm());
        assertEquals(2f, cnn.spec().shiftPixels());
        // batches of 50 instead of 200, as for the lab's transfer adder above
        RunRecord transfer = train("sum-plus", quick("adder-transfer-plus", 20_000, 2).toBuilder().batchSize(50)
                .pretrained(runs.resolve("cnn-plus").toString()).build());
        assertBeats(0.30, transfer);
        RunRecord scratch = train("sum-scratch-plus", quick("adder-scratch-plus", 5_000, 2).toBuilder().batchSize(50).build());
        assertBeats(0.20, scratch);
        assertEquals(0.1f, scratch.spec().labelSmoothing());
    }

    @Test
    void bestValidationProtocolEvaluatesTestOnlyOnImprovement() {
        // A learning rate this high makes validation accuracy go up and down.
        RunRecord r = train("mlp-protocol", quick("mlp", 3_000, 6).toBuilder().learningRate(3f).build());

        double best = Double.MAX_VALUE;
        int bestEpoch = 0;
        int improvements = 0;
        for (EpochRecord e : r.epochs()) {
            assertNotNull(e.validationError());
            boolean improved = e.validationError() < best;
            if (improved) {
                best = e.validationError();
                bestEpoch = e.epoch();
                improvements++;
                assertNotNull(e.testError(), "epoch " + e.epoch() + " improved validation, so test must be evaluated");
            } else {
                assertNull(e.testError(), "epoch " + e.epoch() + " did not improve validation, so test must not run");
            }
        }
        assertEquals(bestEpoch, r.bestEpoch());
        assertTrue(improvements < r.epochs().size(), "the test needs an epoch that does not improve: " + r.epochs());
        // The kept parameters are the best epoch's: the final test error equals that epoch's.
        assertEquals(r.epochs().get(bestEpoch - 1).testError(), r.test().error(), 1e-9);
    }

    @Test
    void sameSeedOnCpuGivesIdenticalRecordsButTimings() {
        for (String preset : List.of("cnn-lenet", "mlp-scratch")) {
            ExperimentSpec spec = quick(preset, 2_000, 2);
            JsonObject a = withoutTimings(train(preset + "-a", spec));
            JsonObject b = withoutTimings(train(preset + "-b", spec));
            assertEquals(a, b, preset + " records differ");
        }
    }

    private static JsonObject withoutTimings(RunRecord r) {
        JsonObject json = LabJson.gson().toJsonTree(r).getAsJsonObject();
        json.remove("id");
        json.remove("trainingSeconds");
        json.getAsJsonObject("provenance").remove("startedAt");
        for (JsonElement e : json.getAsJsonArray("epochs")) {
            e.getAsJsonObject().remove("seconds");
        }
        return json;
    }

    @Test
    void nativeArraysDoNotGrowAcrossEpochs() {
        NDManager probe = NDManager.newBaseManager("PyTorch");
        NDManager system = probe.getParentManager();
        List<Integer> live = new ArrayList<>();
        ExperimentSpec spec = quick("mlp", 1_000, 10); // batch 10: 100 iterations per epoch
        ExperimentRunner.create(DeviceChoice.CPU, line -> {
            if (line.matches("\\[memory] epoch \\d+/10: train loss.*")) {
                live.add(system.getManagedArrays().size());
            }
        }, 60).run("memory", spec, data, runs.resolve("memory"));
        probe.close();

        assertEquals(10, live.size(), live.toString());
        for (int epoch = 2; epoch <= 10; epoch++) {
            assertEquals(live.get(1), live.get(epoch - 1), "live native arrays after each epoch: " + live);
        }
    }

    @Test
    void divergingRunStopsWithAMessageAndIsRecorded() {
        DivergedException e = org.junit.jupiter.api.Assertions.assertThrows(DivergedException.class,
                () -> train("hot", quick("cnn-lenet", 2_000, 3).toBuilder().learningRate(1e30f).build()));
        assertTrue(e.getMessage().startsWith("the training loss became "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; lower the learning rate (or check the data normalization) and train again"));
        RunRecord record = RunRecords.read(runs.resolve("hot"));
        assertEquals(RunStatus.DIVERGED, record.status());
        assertEquals(e.getMessage(), record.message());
        assertNull(record.test());
        assertTrue(Files.notExists(runs.resolve("hot/model.params")), "no parameters are kept from a diverged run");
    }

    @Test
    void pretrainedRunMustBeADigitClassifier() {
        train("sum", quick("adder-scratch", 1_000, 1));
        ExperimentSpec transfer = quick("adder-transfer", 1_000, 1).toBuilder().pretrained(runs.resolve("sum").toString()).build();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> train("sum2", transfer));
        assertEquals("pretrained run " + runs.resolve("sum") + " was trained with preset adder-scratch, which is not a"
                + " digit classifier; use a run of preset cnn-lenet, cnn-small, cnn-wide or mlp", e.getMessage());
    }

    @Test
    void unwritableRunDirectoryFailsBeforeTraining() throws Exception {
        Path file = Files.writeString(runs.resolve("a-file"), "x");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ExperimentRunner.create(DeviceChoice.CPU, log::add, 60).run("x", quick("mlp", 100, 1), data,
                        file.resolve("run")));
        assertTrue(e.getMessage().startsWith("the run directory " + file.resolve("run") + " cannot be written ("),
                e.getMessage());
        assertTrue(log.isEmpty(), "nothing may start: " + log);
    }

    @Test
    void sweepsBuildTheLabsGrids() {
        List<SweepPoint> mlp = Sweeps.mlp(Presets.get("mlp"), List.of(1, 2, 3), Sweeps.range("10:30:10"));
        assertEquals(9, mlp.size());
        assertEquals("k3-m20", mlp.get(7).id());
        assertEquals(List.of(20, 20, 20), mlp.get(7).spec().hidden());
        assertEquals(Map.of("k", 3, "m", 20), mlp.get(7).coordinates());
        assertEquals(0.01f, mlp.get(7).spec().learningRate());

        List<SweepPoint> cnn = Sweeps.cnn(Presets.get("cnn-lenet"), List.of(1, 2, 3), List.of(3, 5, 7));
        assertEquals(9, cnn.size());
        assertEquals("d3-k7", cnn.get(8).id());
        assertEquals(3, cnn.get(8).spec().stages().size());
        assertEquals(40, cnn.get(8).spec().stages().get(2).channels());
    }
}
