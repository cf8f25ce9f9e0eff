package io.github.mnistlab.maven.fork;

/**
 * A forked JVM that did not succeed. {@link #userError()} tells a mistake the user can fix (the
 * command line's exit status 2 with its one {@code error:} line, which is the message) from a crash.
 */
public final class ForkFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitStatus;
    private final boolean userError;
    private final boolean timedOut;

    ForkFailure(String message, int exitStatus, boolean userError) {
        this(message, exitStatus, userError, false);
    }

    ForkFailure(String message, int exitStatus, boolean userError, boolean timedOut) {
        super(message);
        this.exitStatus = exitStatus;
        this.userError = userError;
        this.timedOut = timedOut;
    }

    /** Whether the fork was stopped because it ran past its time limit ({@code lab.forkTimeout}). */
    public boolean timedOut() {
        return timedOut;
    }

    /** The fork's exit status, or −1 when it could not be started or was interrupted. */
    public int exitStatus() {
        return exitStatus;
    }

    /** Whether the message is the command line's own {@code error:} line about a mistake the user can fix. */
    public boolean userError() {
        return userError;
    }

    /** Whether the fork stopped because its PyTorch engine could not start (its {@code engine-error:} line is the message). */
    public boolean engineError() {
        return exitStatus == JavaFork.ENGINE_ERROR && !userError;
    }
}
