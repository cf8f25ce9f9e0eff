package io.github.mnistlab.cli;

import ai.djl.engine.EngineException;
import io.github.mnistlab.bench.BenchCommand;
import io.github.mnistlab.bench.StressCommand;
import io.github.mnistlab.data.MnistDataException;
import io.github.mnistlab.train.DivergedException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code mnist-lab}: the command line of the library. Errors a user can cause print one message,
 * without a stack trace, and exit with status 2.
 */
@Command(name = "mnist-lab", mixinStandardHelpOptions = true, version = "mnist-lab 0.1.0",
        description = "Trains and evaluates the MNIST course labs.",
        subcommands = {SmokeCommand.class, RunCommand.class, SweepCommand.class, PredictCommand.class, BenchCommand.class,
                StressCommand.class, VerifyCommand.class, GpuCheckCommand.class})
public final class LabCli implements Runnable {
    /** Exit status for an error the user can fix (bad data, bad option). */
    public static final int USER_ERROR = 2;
    /**
     * Exit status when the PyTorch engine could not start (e.g. a CUDA build of libtorch that does not
     * load on this machine), with one {@code engine-error:} line; the plugin then trains on the CPU.
     */
    public static final int ENGINE_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line on the standard streams and returns its exit status. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line, printing to {@code out} and {@code err}, and returns its exit status. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new LabCli()).setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (ex instanceof EngineException) {
                line.getErr().println("engine-error: the PyTorch engine could not start: " + rootMessage(ex));
                line.getErr().flush();
                return ENGINE_ERROR;
            }
            String message = userMessage(ex);
            if (message != null) {
                line.getErr().println("error: " + message);
                line.getErr().flush();
                return USER_ERROR;
            }
            throw ex;
        });
        return cli.execute(args);
    }

    /** The one-line message of an error the user can fix, or null for a bug (which keeps its stack trace). */
    static String userMessage(Exception ex) {
        if (ex instanceof MnistDataException || ex instanceof IllegalArgumentException || ex instanceof DivergedException) {
            return ex.getMessage();
        }
        if (ex instanceof UncheckedIOException io) {
            // Unwritable output, a full disk, a vanished file: name the path and the system's reason.
            return io.getMessage() + " (" + io.getCause() + ")";
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t + ")";
    }

    public static void main(String[] args) {
        // Keep DJL's start-up chatter out of the lab's output unless the user asks for it.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
        }
        System.exit(execute(args));
    }
}
