package io.github.mnistlab.maven.fork;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs a {@link ForkCommand} to its end, streaming its standard output and error line by line. The
 * fork dies with the build: it is destroyed when Maven's JVM shuts down (Ctrl-C) or when the
 * waiting thread is interrupted.
 */
public final class JavaFork {
    /** The command line's exit status for a mistake the user can fix. */
    public static final int USER_ERROR = 2;
    /** The command line's exit status when the PyTorch engine could not start. */
    public static final int ENGINE_ERROR = 3;
    private static final String ERROR_PREFIX = "error: ";
    private static final String ENGINE_ERROR_PREFIX = "engine-error: ";
    private static final int KEPT_ERROR_LINES = 20;

    private JavaFork() {
    }

    /**
     * Runs {@code command}.
     *
     * @param out receives each line of standard output (progress)
     * @param err receives each line of standard error except the {@code error:} line
     * @throws ForkFailure on a non-zero exit: with the {@code error:} line's text for exit status 2,
     *                     the {@code engine-error:} line's for status 3, else with the status and the
     *                     last lines of standard error
     */
    public static void run(ForkCommand command, Consumer<String> out, Consumer<String> err) throws ForkFailure {
        run(command, null, out, err);
    }

    /**
     * Runs {@code command}, stopping it (and the processes it started) once it has run for
     * {@code timeout}; null runs it to its end.
     *
     * @throws ForkFailure as {@link #run(ForkCommand, Consumer, Consumer)}, and with
     *                     {@link ForkFailure#timedOut()} when the time limit stopped it
     */
    public static void run(ForkCommand command, Duration timeout, Consumer<String> out, Consumer<String> err)
            throws ForkFailure {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command.commandLine())
                    .directory(command.workingDirectory().toFile());
            builder.environment().putAll(command.environment());
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new ForkFailure("could not start " + command.java() + ": " + e.getMessage(), -1, false);
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        if (timeout != null) {
            Thread watchdog = new Thread(() -> {
                try {
                    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                        timedOut.set(true);
                        process.descendants().forEach(ProcessHandle::destroyForcibly);
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "lab-fork-timeout");
            watchdog.setDaemon(true);
            watchdog.start();
        }
        Thread killer = new Thread(process::destroyForcibly, "lab-fork-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        StandardError errors = new StandardError(err);
        Thread errReader = new Thread(() -> errors.read(process), "lab-fork-stderr");
        errReader.setDaemon(true);
        errReader.start();
        try {
            try (BufferedReader reader = reader(process.getInputStream())) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    out.accept(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the fork's output", e);
            }
            int status = process.waitFor();
            errReader.join();
            if (timedOut.get()) {
                throw new ForkFailure("it ran longer than " + ForkTimeout.format(timeout)
                        + " (lab.forkTimeout) and was stopped", status, false, true);
            }
            if (status == 0) {
                return;
            }
            if (status == USER_ERROR && errors.errorLine != null) {
                throw new ForkFailure(errors.errorLine, status, true);
            }
            if (status == ENGINE_ERROR && errors.engineErrorLine != null) {
                throw new ForkFailure(errors.engineErrorLine, status, false);
            }
            throw new ForkFailure(command.mainClass() + " exited with status " + status
                    + (errors.lastLines.isEmpty() ? "" : "; its last error output:\n" + String.join("\n", errors.lastLines)),
                    status, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForkFailure("interrupted: the forked " + command.mainClass() + " was stopped", -1, false);
        } finally {
            process.destroyForcibly();
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway; nothing to undo
            }
        }
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** Reads standard error on its own thread, keeping the {@code error:} line and the last lines. */
    private static final class StandardError {
        private final Consumer<String> sink;
        // read by the waiting thread only after join(), which orders these writes before the reads
        private final Deque<String> lastLines = new ArrayDeque<>();
        private String errorLine;
        private String engineErrorLine;

        StandardError(Consumer<String> sink) {
            this.sink = sink;
        }

        void read(Process process) {
            try (BufferedReader reader = reader(process.getErrorStream())) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith(ERROR_PREFIX)) {
                        errorLine = line.substring(ERROR_PREFIX.length());
                        continue;
                    }
                    if (line.startsWith(ENGINE_ERROR_PREFIX)) {
                        engineErrorLine = line.substring(ENGINE_ERROR_PREFIX.length());
                        continue;
                    }
                    lastLines.addLast(line);
                    if (lastLines.size() > KEPT_ERROR_LINES) {
                        lastLines.removeFirst();
                    }
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the process ended and closed the stream; what was read is kept
            }
        }
    }
}
