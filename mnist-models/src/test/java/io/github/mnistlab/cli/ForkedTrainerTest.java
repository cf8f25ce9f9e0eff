package io.github.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunRecords;
import io.github.mnistlab.record.RunStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer as a separate process, the way the Maven plugin forks it: killed mid-epoch, without a
 * network, and two at once on a fresh engine cache.
 */
@Tag("training")
class ForkedTrainerTest {
    @TempDir
    Path dir;

    /** A java command running the CLI with this test's classpath and DJL kept offline. */
    private static ProcessBuilder cli(List<String> prefix, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Dlab.mirrors=none");
        command.add(LabCli.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DJL_OFFLINE", "true");
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        return pb;
    }

    private static String finish(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "trainer did not finish");
        return out;
    }

    @Test
    void killedMidEpochLeavesThePreviousRecordAndParametersIntact() throws Exception {
        Path run = dir.resolve("digits");
        Process first = cli(List.of(), "run", "--preset", "cnn-lenet", "--limit", "2000", "--epochs", "1",
                "--device", "cpu", "--out", run.toString()).start();
        String out = finish(first);
        assertEquals(0, first.exitValue(), out);
        byte[] record = Files.readAllBytes(run.resolve("run.json"));
        byte[] params = Files.readAllBytes(run.resolve("model.params"));
        byte[] csv = Files.readAllBytes(run.resolve("epochs.csv"));

        Process second = cli(List.of(), "run", "--preset", "cnn-lenet", "--epochs", "50", "--device", "cpu",
                "--progress-seconds", "1", "--out", run.toString()).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.contains("[digits] epoch 1/50: ")) {
                // wait until it is training
            }
            assertTrue(line != null, "the second run never started training");
            second.destroyForcibly(); // SIGKILL
            assertTrue(second.waitFor(1, TimeUnit.MINUTES));
        }

        assertArrayEquals(record, Files.readAllBytes(run.resolve("run.json")), "run.json changed");
        assertArrayEquals(params, Files.readAllBytes(run.resolve("model.params")), "model.params changed");
        assertArrayEquals(csv, Files.readAllBytes(run.resolve("epochs.csv")), "epochs.csv changed");
        assertEquals(RunStatus.COMPLETE, RunRecords.read(run).status());
        try (Stream<Path> files = Files.list(run)) {
            assertEquals(List.of("epochs.csv", "model.params", "pictures", "run.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file may remain");
        }
        try (Stream<Path> pictures = Files.list(run.resolve("pictures"))) {
            assertTrue(pictures.allMatch(p -> p.getFileName().toString().endsWith(".png")), "only the first run's pictures");
        }
    }

    @Test
    void trainsFromTheCacheWithoutAnyNetwork() throws Exception {
        assumeTrue(unshareWorks(), "unshare -n is not available here");
        Process p = cli(List.of("unshare", "-n"), "run", "--preset", "mlp", "--limit", "2000", "--epochs", "1",
                "--device", "cpu", "--out", dir.resolve("offline").toString()).start();
        String out = finish(p);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("MNIST [1/"), out);
        assertTrue(RunRecords.read(dir.resolve("offline")).test().accuracy() > 0.2, out);
    }

    @Test
    void twoTrainersShareAFreshEngineCache() throws Exception {
        Path engineCache = dir.resolve("engine-cache");
        List<Process> trainers = new ArrayList<>();
        for (String id : List.of("a", "b")) {
            ProcessBuilder pb = cli(List.of(), "run", "--preset", "mlp", "--limit", "1000", "--epochs", "1",
                    "--device", "cpu", "--out", dir.resolve(id).toString());
            pb.environment().put("ENGINE_CACHE_DIR", engineCache.toString());
            trainers.add(pb.start());
        }
        for (Process p : trainers) {
            String out = finish(p);
            assertEquals(0, p.exitValue(), out);
        }
        assertEquals(RunRecords.read(dir.resolve("a")).test().accuracy(), RunRecords.read(dir.resolve("b")).test().accuracy());
        assertTrue(Files.isDirectory(engineCache), "the engine must have used the given cache");
    }

    private static boolean unshareWorks() {
        try {
            Process p = new ProcessBuilder("unshare", "-n", "true").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
