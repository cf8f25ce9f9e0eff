package io.github.mnistlab.run;

/** Settings that must reach the PyTorch engine before it starts. */
public final class EngineSettings {
    private EngineSettings() {
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
