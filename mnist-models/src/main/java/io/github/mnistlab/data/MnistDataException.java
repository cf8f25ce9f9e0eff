package io.github.mnistlab.data;

/**
 * A problem with the MNIST data that the user can fix: a missing, corrupt or unverifiable file, or
 * no source that could provide the files. The message says what was wrong and what to do.
 */
public class MnistDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MnistDataException(String message) {
        super(message);
    }

    public MnistDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
