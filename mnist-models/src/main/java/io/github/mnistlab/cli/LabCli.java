package io.github.mnistlab.cli;

import io.github.mnistlab.data.MnistDataException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code mnist-lab}: the command line of the library. Errors a user can cause print one message,
 * without a stack trace, and exit with status 2.
 */
@Command(name = "mnist-lab", mixinStandardHelpOptions = true, version = "mnist-lab 0.1.0",
        description = "Trains and evaluates the MNIST course labs.",
        subcommands = {SmokeCommand.class, RunCommand.class})
public final class LabCli implements Runnable {
    /** Exit status for an error the user can fix (bad data, bad option). */
    public static final int USER_ERROR = 2;

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
            if (ex instanceof MnistDataException || ex instanceof IllegalArgumentException) {
                line.getErr().println("error: " + ex.getMessage());
                line.getErr().flush();
                return USER_ERROR;
            }
            throw ex;
        });
        return cli.execute(args);
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
