package io.github.mnistlab.maven.plan;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A short external command the build asks something of ({@code nvidia-smi -L}, {@code git rev-parse
 * HEAD}), run with a time limit that holds even when the command never exits: its output goes to a
 * file rather than a pipe, so the build waits only on {@link Process#waitFor(long, TimeUnit)} and
 * kills the command when the limit passes.
 *
 * @param command   the program and its arguments
 * @param directory where it runs, or null for the build's own directory
 * @param limit     how long it may run
 */
public record ShortCommand(List<String> command, Path directory, Duration limit) {
    public ShortCommand {
        command = List.copyOf(command);
    }

    /** How a run ended. */
    public enum Status {
        /** It exited with status 0 within the limit. */
        ANSWERED,
        /** It could not start, or exited with another status. */
        FAILED,
        /** It ran past the limit and was killed. */
        TIMED_OUT
    }

    /** How the command ended and what it printed (stdout and stderr; empty unless it answered). */
    public record Result(Status status, String output) {
    }

    /** Its output when it exits with status 0 within the limit; empty when it fails, cannot start or runs past the limit. */
    public Optional<String> output() {
        Result r = run();
        return r.status() == Status.ANSWERED ? Optional.of(r.output()) : Optional.empty();
    }

    /** Runs the command once. */
    public Result run() {
        Path log = null;
        try {
            log = Files.createTempFile("lab-command-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())));
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Result(Status.TIMED_OUT, "");
            }
            return process.exitValue() == 0 ? new Result(Status.ANSWERED, Files.readString(log, StandardCharsets.UTF_8))
                    : new Result(Status.FAILED, "");
        } catch (IOException e) {
            return new Result(Status.FAILED, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Status.FAILED, "");
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException e) {
                    log.toFile().deleteOnExit();
                }
            }
        }
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null";
    }
}
