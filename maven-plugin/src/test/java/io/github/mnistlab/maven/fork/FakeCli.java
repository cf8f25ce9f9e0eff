package io.github.mnistlab.maven.fork;

/** Stands in for the library's command line in fork tests: behaves as its first argument says. */
public final class FakeCli {
    private FakeCli() {
    }

    public static void main(String[] args) {
        switch (args[0]) {
            case "train" -> {
                System.out.println("[digits] epoch 1/1: 50% (5/10 batches), loss 0.5");
                System.err.println("[main] WARN ai.djl - a warning");
                System.out.println("[digits] done: test accuracy 0.9700");
            }
            case "user-error" -> {
                System.out.println("MNIST [1/1] cache: ok");
                System.err.println("error: preset 'cnn-lenett' is not known; use one of mlp, cnn-lenet");
                System.exit(2);
            }
            case "engine-error" -> {
                System.err.println("engine-error: the PyTorch engine could not start: Failed to load PyTorch native library");
                System.exit(3);
            }
            case "crash" -> {
                System.err.println("Exception in thread \"main\" java.lang.IllegalStateException: boom");
                System.err.println("\tat io.github.mnistlab.cli.LabCli.main(LabCli.java:1)");
                System.exit(1);
            }
            case "environment" -> {
                for (String name : new String[] {"DJL_OFFLINE", "OPT_OUT_TRACKING", "OMP_WAIT_POLICY", "GLIBC_TUNABLES", "GOMP_SPINCOUNT",
                        "CUDA_VISIBLE_DEVICES"}) {
                    System.out.println(name + "=" + System.getenv(name));
                }
                System.out.println("lab.dataDir=" + System.getProperty("lab.dataDir"));
                System.out.println("cwd=" + System.getProperty("user.dir"));
            }
            case "sleep" -> {
                System.out.println("pid=" + ProcessHandle.current().pid());
                System.out.flush();
                try {
                    Thread.sleep(120_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
