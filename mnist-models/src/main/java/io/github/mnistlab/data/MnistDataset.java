package io.github.mnistlab.data;

import java.util.Map;
import java.util.Objects;

/**
 * The verified MNIST data: the 60,000 training digits, the 10,000 test digits, where they came from
 * and the SHA-256 of each file (recorded in every run's provenance).
 *
 * @param train  the original training set (before any validation split)
 * @param test   the original test set
 * @param source a human-readable description of the source, e.g. {@code cache /home/u/.cache/...}
 * @param sha256 SHA-256 of each decoded file
 */
public record MnistDataset(DigitImages train, DigitImages test, String source,
        Map<MnistFile, String> sha256) {
    public MnistDataset {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(source, "source");
        sha256 = Map.copyOf(sha256);
    }
}
