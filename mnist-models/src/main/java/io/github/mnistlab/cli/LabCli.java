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
        subcommands = {SmokeCommand.class})
public final class LabCli implements Runnable {
    /** Exit status for an error the user can fix (bad data, bad option). */
    public static final int USER_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns its exit status (for tests and for {@link #main}). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new LabCli());
        cli.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (ex instanceof MnistDataException || ex instanceof IllegalArgumentException) {
                PrintWriter err = line.getErr();
                err.println("error: " + ex.getMessage());
                err.flush();
                return USER_ERROR;
            }
            throw ex;
        });
        return cli.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
