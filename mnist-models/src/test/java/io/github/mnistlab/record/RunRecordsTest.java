package io.github.mnistlab.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mnistlab.eval.Evaluation;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.Presets;
import io.github.mnistlab.spec.SpecFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordsTest {
    @TempDir
    Path dir;

    static RunRecord sample() {
        ExperimentSpec spec = Presets.get("cnn-lenet").toBuilder().epochs(2).build();
        Provenance provenance = new Provenance(42, "dev", "0.35.1", "PyTorch 2.7.1", "cpu()", 2, 2, "17", "Linux amd64",
                "cache /x", Map.of("t10k-labels-idx1-ubyte", "ff7b"), "2026-11-23T06:00:00Z", "zero");
        Evaluation test = Evaluation.of(10, new int[] {1, 2, 3}, new int[] {1, 2, 4}, new float[] {.9f, .8f, .7f}, 0.3, 5);
        return new RunRecord(RunRecord.SCHEMA_VERSION, "digits", "cnn-lenet", RunStatus.COMPLETE, null, spec, provenance,
                8490, List.of(new EpochRecord(1, 0.5, 0.1, null, null, 0.2, 0.05, 12.5, 938, 0, 0),
                        new EpochRecord(2, 0.3, 0.08, null, null, 0.15, 0.04, 12.1, 1876, 0, 2)),
                new LossSeries(300, List.of(2.3f, 0.5f, 0.2f)), 2, 24.6, test, "model.params", 3, 2, List.of(
                        new StepEvent(400, StepEvent.Kind.GRADIENT_SPIKE, "02Conv2d_weight", 5.0e4, 2.5, false),
                        StepEvent.nonFinite(900, "01Conv2d_weight", true)), null);
    }

    @Test
    void aRecordWrittenBeforeTheStepCountsAndWithItsOldFingerprintStillReads() throws Exception {
        String json = Files.readString(RunRecords.write(dir, sample()));
        String old = json.replaceAll(",\\s*\"recomputedSteps\": \\d+", "").replaceAll(",\\s*\"skippedSteps\": \\d+", "")
                .replace("\"parametersFile\": \"model.params\"", "\"parametersFile\": \"model.params\", \"fingerprint\": \"abc\"");
        assertTrue(!old.contains("skippedSteps") && old.contains("fingerprint"), old);
        Files.writeString(dir.resolve("run.json"), old);

        RunRecord back = RunRecords.read(dir);

        assertEquals(0, back.skippedSteps());
        assertEquals(0, back.recomputedSteps());
        assertEquals(0, back.epochs().get(1).skippedSteps());
        assertEquals(RunStatus.COMPLETE, back.status());
    }

    @Test
    void aSchemaOneRecordReadsWithoutPictures() throws Exception {
        String json = Files.readString(RunRecords.write(dir, sample()));
        String old = json.replace("\"schemaVersion\": 2", "\"schemaVersion\": 1").replaceAll(",\\s*\"pictures\": \\{[^}]*\\}", "");
        assertTrue(old.contains("\"schemaVersion\": 1") && !old.contains("pictures"), old);
        Files.writeString(dir.resolve("run.json"), old);

        RunRecord back = RunRecords.read(dir);

        assertTrue(back.pictures().isEmpty());
        assertEquals(1, back.schemaVersion());
    }

    @Test
    void picturesRoundTrip() throws Exception {
        RunPictures pictures = new RunPictures(
                List.of(new RunPictures.KernelPicture(0, 0, false, "pictures/kernels-epoch-0.png", 10, 5, 0.4),
                        new RunPictures.KernelPicture(2, 1876, true, "pictures/kernels-epoch-2.png", 10, 5, 0.4)),
                List.of(new RunPictures.FeatureMapPicture(1, 0, 7, "pictures/features-digit-0-layer-1.png", 10, 24)));
        RunRecord r = sample();
        RunRecord record = new RunRecord(r.schemaVersion(), r.id(), r.preset(), r.status(), r.message(), r.spec(),
                r.provenance(), r.parameterCount(), r.epochs(), r.iterationLoss(), r.bestEpoch(), r.trainingSeconds(),
                r.test(), r.parametersFile(), r.recomputedSteps(), r.skippedSteps(), r.stepEvents(), pictures);
        RunRecords.write(dir, record);

        assertEquals(pictures, RunRecords.read(dir).pictures());
    }

    @Test
    void epochsAsCsvHaveAHeaderAndEmptyCellsForUnmeasuredValues() {
        assertEquals("epoch,iterations,seconds,train_loss,train_error,validation_loss,validation_error,test_loss,"
                + "test_error,best,recomputed_steps,skipped_steps\n"
                + "1,938,12.5000,0.500000,0.100000,,,0.200000,0.0500000,false,0,0\n"
                + "2,1876,12.1000,0.300000,0.0800000,,,0.150000,0.0400000,true,0,2\n", EpochsCsv.of(sample()));
    }

    @Test
    void roundTripKeepsEveryField() throws Exception {
        RunRecord record = sample();
        Path file = RunRecords.write(dir, record);

        RunRecord back = RunRecords.read(dir);

        assertEquals(dir.resolve("run.json"), file);
        assertEquals(record.spec(), back.spec());
        assertEquals(record.provenance(), back.provenance());
        assertEquals(record.epochs(), back.epochs());
        assertEquals(2, back.epochs().get(1).skippedSteps());
        assertEquals(3, back.recomputedSteps());
        assertEquals(2, back.skippedSteps());
        assertEquals(record.iterationLoss(), back.iterationLoss());
        assertEquals(2 / 3.0, back.test().accuracy(), 1e-12);
        assertArrayEquals(record.test().confusion()[3], back.test().confusion()[3]);
        assertEquals(record.test().mistakes(), back.test().mistakes());
        assertNull(back.epochs().get(0).validationError());
        String json = Files.readString(file);
        assertTrue(json.contains("\"optimizer\": \"sgd\""), json);
        assertTrue(json.contains("\"model\": \"cnn\""), json);
        assertEquals(List.of("run.json"), List.of(dir.toFile().list()), "no temporary file may remain");
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void handEditedInvalidJsonIsNamedWithTheFix() throws Exception {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"id\": \"digits\",, }");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunRecords.read(file));
        assertTrue(e.getMessage().startsWith(file + " is not valid JSON ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("); it was damaged or edited by hand: delete it and train again"), e.getMessage());
    }

    @Test
    void olderSchemaAsksForARetrain() throws Exception {
        Files.writeString(dir.resolve("run.json"), "{\"schemaVersion\": 0, \"id\": \"digits\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunRecords.read(dir));
        assertEquals(dir.resolve("run.json") + " has schemaVersion 0, but this version of mnist-lab reads schemas 1 to 2;"
                + " retrain the run (e.g. with -Dlab.force)", e.getMessage());
    }

    @Test
    void missingRecordSaysToTrainFirst() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunRecords.read(dir));
        assertEquals(dir.resolve("run.json") + " does not exist; train the run first", e.getMessage());
    }

    @Test
    void specFileOverlaysItsFieldsOnThePreset() throws Exception {
        Path file = Files.writeString(dir.resolve("spec.json"),
                "{\"preset\": \"mlp\", \"hidden\": [128, 64], \"activation\": \"relu\", \"learningRate\": 0.1}");
        ExperimentSpec spec = SpecFiles.read(file);
        assertEquals(List.of(128, 64), spec.hidden());
        assertEquals(0.1f, spec.learningRate());
        assertEquals(Presets.get("mlp").batchSize(), spec.batchSize());

        Path badEnum = Files.writeString(dir.resolve("enum.json"), "{\"preset\": \"mlp\", \"activation\": \"sigmod\"}");
        IllegalArgumentException enumError = assertThrows(IllegalArgumentException.class, () -> SpecFiles.read(badEnum));
        assertEquals(badEnum + ": a value is not valid ('sigmod' is not one of relu, sigmoid, tanh, none)",
                enumError.getMessage());

        Path typo = Files.writeString(dir.resolve("typo.json"), "{\"preset\": \"mlp\", \"epoch\": 3}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpecFiles.read(typo));
        assertTrue(e.getMessage().startsWith(typo + ": field \"epoch\" is not a spec field; known: preset, model,"),
                e.getMessage());
    }
}
