package io.github.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mnistlab.bench.OperatorProfile;
import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunRecords;
import io.github.mnistlab.record.SweepRecord;
import io.github.mnistlab.spec.LabJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as the plugin and users call it: exit status, files written, one-line errors. */
@Tag("training")
class LabCliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return LabCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void runWithASpecFileWritesTheRecord() throws Exception {
        Path spec = Files.writeString(dir.resolve("spec.json"),
                "{\"preset\": \"mlp\", \"hidden\": [64, 32], \"activation\": \"relu\", \"learningRate\": 0.1}");

        int status = run("run", "--spec", spec.toString(), "--out", dir.resolve("runs/wide").toString(),
                "--epochs", "1", "--limit", "2000", "--device", "cpu");

        assertEquals(0, status, out + "" + err);
        RunRecord record = RunRecords.read(dir.resolve("runs/wide"));
        assertEquals("wide", record.id());
        assertEquals(List.of(64, 32), record.spec().hidden());
        assertEquals(2000, record.spec().limit());
        assertTrue(record.test().accuracy() > 0.8, "accuracy " + record.test().accuracy());
        assertTrue(Files.exists(dir.resolve("runs/wide/model.params")));
        assertTrue(out.toString().contains("[wide] done: test accuracy "), out.toString());
    }

    @Test
    void sweepWritesOneRunPerPointAndNamesTheBest() throws Exception {
        // the form the plugin sends: a sweep spec file
        Path spec = Files.writeString(dir.resolve("km.json"),
                "{\"kind\": \"mlp\", \"k\": [1, 2], \"m\": \"10:20:10\", \"epochs\": 1, \"limit\": 1000}");
        int status = run("sweep", "--spec", spec.toString(), "--out", dir.resolve("sweep").toString(), "--device", "cpu");

        assertEquals(0, status, out + "" + err);
        SweepRecord sweep = LabJson.gson().fromJson(readString(dir.resolve("sweep/sweep.json")), SweepRecord.class);
        assertEquals(List.of("k1-m10", "k1-m20", "k2-m10", "k2-m20"), sweep.points().stream().map(SweepRecord.Point::id).toList());
        SweepRecord.Point best = sweep.points().stream().filter(p -> p.id().equals(sweep.best())).findFirst().orElseThrow();
        for (SweepRecord.Point p : sweep.points()) {
            assertTrue(p.selectionAccuracy() <= best.selectionAccuracy());
            assertTrue(Files.exists(dir.resolve("sweep").resolve(p.id()).resolve("run.json")));
        }
    }

    @Test
    void anAblationTrainsTheLabEachChangeAloneAndAllAndRecordsEachStep() throws Exception {
        int status = run("sweep", "--kind", "ablation", "--preset", "mlp-plus", "--out", dir.resolve("ablation").toString(),
                "--epochs", "2", "--limit", "2000", "--device", "cpu");

        assertEquals(0, status, out + "" + err);
        SweepRecord sweep = LabJson.gson().fromJson(readString(dir.resolve("ablation/sweep.json")), SweepRecord.class);
        assertEquals("ablation", sweep.kind());
        assertEquals("mlp-plus", sweep.preset());
        assertEquals(List.of("lab", "network", "optimizer", "schedule", "augmentation", "label-smoothing", "all"),
                sweep.points().stream().map(SweepRecord.Point::id).toList());
        for (SweepRecord.Point p : sweep.points()) {
            RunRecord run = RunRecords.read(dir.resolve("ablation").resolve(p.id()));
            assertEquals(p.testAccuracy(), run.test().accuracy());
            assertEquals(2, run.epochs().size());
            assertEquals(2000, run.spec().limit());
            assertEquals(run.trainingSeconds(), p.trainingSeconds());
        }
        RunRecord lab = RunRecords.read(dir.resolve("ablation/lab"));
        RunRecord augmented = RunRecords.read(dir.resolve("ablation/augmentation"));
        RunRecord all = RunRecords.read(dir.resolve("ablation/all"));
        assertEquals("mlp", lab.preset());
        assertEquals(List.of(30), augmented.spec().hidden());
        assertEquals(2f, augmented.spec().shiftPixels());
        assertEquals(0f, lab.spec().shiftPixels());
        assertEquals("mlp-plus", all.preset());
        assertEquals(List.of(512, 512), all.spec().hidden());
        // 400 steps of the lab's sigmoid net at lr 0.01 barely start; the improved one learns the digits
        assertTrue(all.test().accuracy() > lab.test().accuracy() + 0.2, all.test().accuracy() + " against "
                + lab.test().accuracy());
        assertTrue(out.toString().contains("[all] done: test accuracy "), out.toString());
    }

    @Test
    void userErrorsAreOneLineAndStatusTwo() throws Exception {
        assertEquals(LabCli.USER_ERROR, run("run", "--preset", "cnn-lenett", "--out", dir.toString()));
        assertEquals("error: preset 'cnn-lenett' is not known; use one of mlp, mlp-scratch, cnn-small, cnn-lenet,"
                + " cnn-wide, adder-transfer, adder-scratch, mlp-plus, cnn-plus, adder-transfer-plus, adder-scratch-plus",
                err.toString().strip());

        err.getBuffer().setLength(0);
        assertEquals(LabCli.USER_ERROR, run("run", "--preset", "mlp", "--learning-rate", "-1", "--out", dir.toString()));
        assertEquals("error: learningRate is -1.0, expected a number > 0, e.g. 0.01", err.toString().strip());

        err.getBuffer().setLength(0);
        assertEquals(LabCli.USER_ERROR, run("run", "--preset", "adder-transfer", "--pretrained",
                dir.resolve("nothing").toString(), "--out", dir.resolve("sum").toString(), "--limit", "100"));
        assertEquals("error: " + dir.resolve("nothing").resolve("run.json") + " does not exist; train the run first",
                err.toString().strip());
        assertTrue(Files.notExists(dir.resolve("sum/run.json")), "nothing may be written for a failed start");

        err.getBuffer().setLength(0);
        Path sweep = Files.writeString(dir.resolve("sweep.json"), "{\"kind\": \"cnn\", \"kernel\": [3]}");
        assertEquals(LabCli.USER_ERROR, run("sweep", "--spec", sweep.toString(), "--out", dir.resolve("s").toString()));
        assertEquals("error: " + sweep + ": field \"kernel\" is not a sweep field; known: kind, preset, k, m, depths,"
                + " kernels, epochs, limit, seed", err.toString().strip());

        err.getBuffer().setLength(0);
        assertEquals(LabCli.USER_ERROR, run("sweep", "--spec", sweep.toString(), "--kind", "mlp", "--out", dir.toString()));
        assertEquals("error: --spec " + sweep + " defines the sweep; leave out --kind, --preset, --k, --m, --depths and"
                + " --kernels", err.toString().strip());
        assertTrue(Files.notExists(dir.resolve("s")), "nothing may be written for a failed start");
    }

    @Test
    void stressCountsEveryInjectedFaultByKind() {
        // a NaN gradient on every 10th forward call: steps 10, 19, 28 and 37 (each recomputation is a call too)
        int status = run("stress", "--preset", "cnn-lenet", "--steps", "40", "--inject-every", "10");

        assertEquals(0, status, out + "" + err);
        String line = out.toString().lines().filter(l -> l.startsWith("STRESS ")).findFirst().orElseThrow();
        assertTrue(line.contains(" fill=zero injected_every=10 ") && line.contains(" steps=40 events=4 non_finite=4"
                + " loss_spikes=0 gradient_spikes=0 skipped=0 diverged=false "), line);
        assertTrue(out.toString().contains("# event iteration 19: non-finite gradient in 01FaultInjector_probe;"
                + " computed once more it was back in line, and that result was applied"), out.toString());
    }

    @Test
    void verifyTrainsTheFirstStepsTwiceAndFindsThemIdentical() {
        int status = run("verify", "--preset", "mlp", "--steps", "30");

        assertEquals(0, status, out + "" + err);
        assertTrue(out.toString().contains("verify mlp: 30 steps on 1 thread(s) gave identical losses twice"), out.toString());
    }

    @Test
    void stressAndVerifyRefuseWhatTheyCannotTrain() {
        assertEquals(2, run("stress", "--preset", "adder-scratch", "--steps", "10"));
        assertTrue(err.toString().startsWith("error: preset adder-scratch is not a digit classifier trained with DJL;"
                + " use cnn-lenet, cnn-small, cnn-wide, cnn-plus, mlp or mlp-plus"), err.toString());
        assertEquals(2, run("stress", "--preset", "cnn-lenet", "--first-conv", "im2col"));
        assertTrue(err.toString().contains("error: --first-conv is 'im2col'; use unfold or plain"), err.toString());
    }

    @Test
    void benchWithProfileWritesTheTraceAndListsTheOperators() throws Exception {
        Path trace = dir.resolve("prof/mlp.json");
        int status = run("bench", "--workload", "mlp30-b10", "--batches", "20", "--warmup", "1", "--repeats", "1",
                "--profile", trace.toString());

        assertEquals(0, status, out + "" + err);
        String text = out.toString();
        assertTrue(text.contains("# profile: " + trace), text);
        // the list has the MLP's matrix products (forward: one per layer and batch)
        assertTrue(text.lines().anyMatch(l -> l.matches("# +[0-9.]+ +[0-9.]+% +40  aten::addmm")), text);
        // and the trace every operator, such as the batches' row lookups
        List<OperatorProfile.OperatorTime> ops;
        try (java.io.Reader reader = Files.newBufferedReader(trace)) {
            ops = OperatorProfile.summarize(reader);
        }
        assertEquals(20, ops.stream().filter(o -> o.name().equals("aten::index_select")).findFirst().orElseThrow().calls());
    }

    @Test
    void benchRefusesToProfileTheScratchEngine() {
        assertEquals(LabCli.USER_ERROR, run("bench", "--workload", "scratch-b10", "--batches", "5",
                "--profile", dir.resolve("p.json").toString()));
        assertEquals("error: --profile records libtorch's operators; scratch-b10 runs on the framework-free engine,"
                + " profile mlp30-b10 (its DJL peer) instead", err.toString().strip());
        assertTrue(Files.notExists(dir.resolve("p.json")));
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void gpuCheckReportsWhatDjlWouldLoadWithoutStartingTheEngine() {
        int status = run("gpu-check");

        assertEquals(0, status, out + "" + err);
        java.util.Map<String, String> values = new java.util.HashMap<>();
        out.toString().lines().forEach(line -> values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        assertEquals(java.util.Set.of("gpus", "cudaVersion", "libtorchVersion", "classifier", "flavor", "libtorchDir", "cached"),
                values.keySet());
        assertEquals("2.7.1", values.get("libtorchVersion"));
        // the CUDA build this DJL's JNI bridge carries for Linux and Windows on x86-64
        if (values.get("classifier").endsWith("x86_64")) {
            assertEquals("cu128", values.get("flavor"));
        }
        Path expected = ai.djl.util.Utils.getEngineCacheDir("pytorch")
                .resolve("2.7.1-" + values.get("flavor") + "-" + values.get("classifier")).toAbsolutePath();
        assertEquals(expected.toString(), values.get("libtorchDir"));
        assertEquals(String.valueOf(Files.isRegularFile(expected.resolve(System.mapLibraryName("torch")))), values.get("cached"));
        assertEquals(Integer.parseInt(values.get("gpus")) > 0, !values.get("cudaVersion").isEmpty());
    }
}
