package io.github.mnistlab.maven.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaForkTest {
    @TempDir
    Path workingDirectory;

    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();

    private ForkCommand fake(String behaviour, Map<String, String> environment) throws Exception {
        return fake(behaviour, environment, false);
    }

    private ForkCommand fake(String behaviour, Map<String, String> environment, boolean engineDownload) throws Exception {
        Path classes = Path.of(FakeCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ForkCommand labCli = LabCliJvm.command(List.of("-Xmx64m"), Map.of("lab.dataDir", "/data/mnist"),
                List.of(classes), environment, workingDirectory, engineDownload);
        return new ForkCommand(labCli.java(), labCli.jvmArgs(), labCli.systemProperties(), labCli.classpath(),
                FakeCli.class.getName(), List.of(behaviour), labCli.environment(), labCli.workingDirectory());
    }

    private void run(ForkCommand command) throws ForkFailure {
        JavaFork.run(command, out::add, err::add);
    }

    @Test
    void forksOnJdk22AndLaterMayLoadNativeCodeWithoutAWarning() {
        assertEquals(List.of("-Xmx2g"), LabCliJvm.withNativeAccess(List.of("-Xmx2g"), 17));
        assertEquals(List.of("-Xmx2g"), LabCliJvm.withNativeAccess(List.of("-Xmx2g"), 21));
        assertEquals(List.of("-Xmx2g", "--enable-native-access=ALL-UNNAMED"), LabCliJvm.withNativeAccess(List.of("-Xmx2g"), 22));
        assertEquals(List.of("--enable-native-access=M"), LabCliJvm.withNativeAccess(List.of("--enable-native-access=M"), 25),
                "the user's own choice is kept");
    }

    @Test
    void terminatingMavenStopsTheFork() throws Exception {
        Path classes = Path.of(FakeCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process maven = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FakeMaven.class.getName(), classes.toString(),
                workingDirectory.toString()).redirectErrorStream(true).start();
        long pid;
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(maven.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            assertTrue(line != null && line.startsWith("pid="), "the fork did not start: " + line);
            pid = Long.parseLong(line.substring(4).strip());
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the fork is running");

            maven.destroy(); // SIGTERM, as Ctrl-C or a CI cancel sends
            assertTrue(maven.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "Maven's stand-in did not stop");
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the fork outlived Maven");
    }

    @Test
    void streamsStandardOutputAndErrorLineByLine() throws Exception {
        run(fake("train", Map.of()));
        assertEquals(List.of("[digits] epoch 1/1: 50% (5/10 batches), loss 0.5", "[digits] done: test accuracy 0.9700"),
                out);
        assertEquals(List.of("[main] WARN ai.djl - a warning"), err);
    }

    @Test
    void theForkIsOfflineWhateverTheCallersEnvironment() throws Exception {
        run(fake("environment", Map.of("DJL_OFFLINE", "false", "CUDA_VISIBLE_DEVICES", "1")));
        String tunables = System.getenv("GLIBC_TUNABLES") == null ? LabCliJvm.ALLOCATOR_TUNABLES
                : System.getenv("GLIBC_TUNABLES");
        String spin = System.getenv("GOMP_SPINCOUNT") == null ? LabCliJvm.OPENMP_SPIN_COUNT
                : System.getenv("GOMP_SPINCOUNT");
        assertEquals(List.of("DJL_OFFLINE=true", "OPT_OUT_TRACKING=true", "OMP_WAIT_POLICY=PASSIVE",
                "GLIBC_TUNABLES=" + tunables, "GOMP_SPINCOUNT=" + spin, "CUDA_VISIBLE_DEVICES=1", "lab.dataDir=/data/mnist", "cwd=" + workingDirectory.toRealPath()), out);
    }

    @Test
    void onlyTheUsersDownloadSwitchLetsDjlOnlineAndTrackingStaysOff() throws Exception {
        run(fake("environment", Map.of("OPT_OUT_TRACKING", "false"), true));
        assertEquals("DJL_OFFLINE=false", out.get(0));
        assertEquals("OPT_OUT_TRACKING=true", out.get(1));
    }

    @Test
    void anEngineThatCannotStartIsToldFromACrash() {
        ForkFailure failure = assertThrows(ForkFailure.class, () -> run(fake("engine-error", Map.of())));
        assertTrue(failure.engineError());
        assertFalse(failure.userError());
        assertEquals(3, failure.exitStatus());
        assertEquals("the PyTorch engine could not start: Failed to load PyTorch native library", failure.getMessage());
        assertTrue(err.isEmpty(), "the engine-error line is the message: " + err);
    }

    @Test
    void theCallersOwnAllocatorSettingsWin() throws Exception {
        run(fake("environment", Map.of("GLIBC_TUNABLES", "glibc.malloc.arena_max=2", "GOMP_SPINCOUNT", "7")));
        assertTrue(out.contains("GLIBC_TUNABLES=glibc.malloc.arena_max=2"), out.toString());
        assertTrue(out.contains("GOMP_SPINCOUNT=7"), out.toString());
    }

    @Test
    void aForkPastItsTimeLimitIsStoppedAndSaysSo() throws Exception {
        long start = System.nanoTime();
        ForkFailure failure = assertThrows(ForkFailure.class,
                () -> JavaFork.run(fake("sleep", Map.of()), java.time.Duration.ofSeconds(2), out::add, err::add));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(failure.timedOut() && !failure.userError(), failure.getMessage());
        assertEquals("it ran longer than 2 s (lab.forkTimeout) and was stopped", failure.getMessage());
        assertTrue(seconds >= 2 && seconds < 30, "stopped after " + seconds + " s, not at the end of its 120 s sleep");
    }

    @Test
    void timeLimitsAreWrittenInSecondsMinutesOrHours() {
        assertEquals(java.time.Duration.ofSeconds(90), ForkTimeout.parse("90s"));
        assertEquals(java.time.Duration.ofSeconds(45), ForkTimeout.parse("45"));
        assertEquals(java.time.Duration.ofMinutes(30), ForkTimeout.parse(" 30m "));
        assertEquals(java.time.Duration.ofHours(2), ForkTimeout.parse("2H"));
        assertEquals(null, ForkTimeout.parse(""));
        assertEquals("30 min", ForkTimeout.format(java.time.Duration.ofMinutes(30)));
        assertEquals("forkTimeout is '10 minutes', expected a positive time such as 90s, 30m or 2h (a plain number is"
                + " seconds)", assertThrows(IllegalArgumentException.class, () -> ForkTimeout.parse("10 minutes")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ForkTimeout.parse("0s"));
    }

    @Test
    void theErrorLineOfAUserErrorIsTheMessage() {
        ForkFailure failure = assertThrows(ForkFailure.class, () -> run(fake("user-error", Map.of())));
        assertTrue(failure.userError());
        assertEquals(2, failure.exitStatus());
        assertEquals("preset 'cnn-lenett' is not known; use one of mlp, cnn-lenet", failure.getMessage());
        assertTrue(err.isEmpty(), "the error line is the message, not a warning too: " + err);
    }

    @Test
    void aCrashReportsTheStatusAndTheLastErrorLines() {
        ForkFailure failure = assertThrows(ForkFailure.class, () -> run(fake("crash", Map.of())));
        assertFalse(failure.userError());
        assertEquals(1, failure.exitStatus());
        assertEquals(FakeCli.class.getName() + " exited with status 1; its last error output:\n"
                + "Exception in thread \"main\" java.lang.IllegalStateException: boom\n"
                + "\tat io.github.mnistlab.cli.LabCli.main(LabCli.java:1)", failure.getMessage());
    }

    @Test
    void commandLinePutsOptionsPropertiesAndClasspathBeforeTheMainClass() {
        ForkCommand command = LabCliJvm.command(List.of("-Xmx2g"), Map.of("lab.offline", "true", "lab.dataDir", "/d"),
                List.of(Path.of("/r/a.jar"), Path.of("/r/b.jar")), Map.of(), workingDirectory, false)
                .withArguments(List.of("run", "--spec", "s.json"));
        List<String> line = command.commandLine();
        assertEquals(List.of("-Xmx2g", "-Dlab.dataDir=/d", "-Dlab.offline=true", "-cp", "/r/a.jar:/r/b.jar",
                LabCliJvm.MAIN_CLASS, "run", "--spec", "s.json"), line.subList(1, line.size()));
        assertTrue(line.get(0).endsWith("/bin/java"), line.get(0));
    }
}
