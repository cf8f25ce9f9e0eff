package io.github.mnistlab.data;

import java.nio.file.Path;

/**
 * One MNIST file is present but not a valid copy: wrong magic number, wrong count or size,
 * truncated, not matching its labels, or failing its SHA-256 check. Names the file.
 */
public class CorruptMnistFileException extends MnistDataException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public CorruptMnistFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }
}
