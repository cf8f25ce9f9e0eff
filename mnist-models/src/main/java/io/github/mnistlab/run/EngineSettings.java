package io.github.mnistlab.run;

/** Settings that must reach the PyTorch engine before it starts. */
public final class EngineSettings {
    private EngineSettings() {
    }

    /**
     * The intra-op threads of a training process: {@code given} when set, else the product's choice,
     * one for an MLP (its small products gain nothing from a second thread) and up to two for a CNN.
     */
    public static int threads(Integer given, boolean mlp) {
        if (given != null && given < 1) {
            throw new IllegalArgumentException("--threads is " + given + ", expected 1 or more");
        }
        return given != null ? given : mlp ? 1 : Math.min(2, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Sets libtorch's intra-op threads (and one inter-op thread) unless the user set them as
     * system properties. Has no effect once the engine has started.
     */
    public static void threads(int intraOp) {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(intraOp));
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}
