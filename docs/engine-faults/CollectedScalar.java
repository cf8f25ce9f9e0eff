import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/**
 * DJL alone: the gradient of sum(3·x) is 3 everywhere, unless a garbage collection runs between the
 * forward and the backward pass. {@code x.mul(3f)} puts 3 in a tensor over a Java direct buffer
 * (torch::from_blob), multiplies, and closes that tensor; autograd keeps it for the backward pass, the
 * collector frees the now unreachable buffer, glibc writes its free-list pointer into it, and the
 * backward pass multiplies by that. Exit status 0 when the gradient is right, 4 when it is not.
 */
public final class CollectedScalar {
    public static void main(String[] args) throws InterruptedException {
        boolean collect = args.length == 0 || !args[0].equals("--no-gc");
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray x = manager.ones(new Shape(4));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray loss = x.mul(3f).sum();
                for (int i = 0; collect && i < 10; i++) {
                    System.gc();
                    Thread.sleep(50);
                }
                collector.backward(loss);
            }
            float g = x.getGradient().toFloatArray()[0];
            if (g == 3f) {
                System.out.println("ok: the gradient is 3.0");
                return;
            }
            System.out.println("the gradient is " + g + ", not 3.0: the backward pass read a Java buffer the collector had freed");
            System.exit(4);
        }
    }
}
