import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;

/**
 * DJL alone (api + pytorch-engine 0.35.1, libtorch 2.7.1 CPU): a LeNet (conv 1→10 5×5, pool, relu,
 * conv 10→20 5×5, pool, relu, linear 320→10) trained with SGD on random 28×28 images in batches of 64.
 * After every backward pass it checks each parameter's gradient and exits with status 4, naming the
 * parameter, at the first one that holds NaN or infinity while the loss is finite.
 *
 * <pre>
 * javac -cp "$CP" FirstConvNaN.java
 * ONEDNN_PRIMITIVE_CACHE_CAPACITY=0 DJL_OFFLINE=true java -cp "$CP:." FirstConvNaN [steps]
 * </pre>
 */
public class FirstConvNaN {
    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Engine.getEngine("PyTorch").setRandomSeed(42);
        SequentialBlock net = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(10).build())
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Activation.reluBlock())
                .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(20).build())
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Activation.reluBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(10).build());
        try (Model model = Model.newInstance("lenet", Device.cpu(), "PyTorch")) {
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.01f)).optMomentum(0.5f).build())
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(64, 1, 28, 28));
                for (int step = 1; step <= steps; step++) {
                    try (NDManager batch = model.getNDManager().newSubManager()) {
                        NDArray x = batch.randomNormal(new Shape(64, 1, 28, 28));
                        NDArray y = batch.randomInteger(0, 10, new Shape(64), DataType.INT64);
                        float loss;
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDList out = trainer.forward(new NDList(x));
                            NDArray l = config.getLossFunction().evaluate(new NDList(y), out);
                            collector.backward(l);
                            loss = l.getFloat();
                        }
                        for (Pair<String, Parameter> p : net.getParameters()) {
                            NDArray g = p.getValue().getArray().getGradient();
                            if (!Float.isFinite(g.sum().getFloat())) {
                                System.out.printf("step %d: gradient of %s is not finite; loss %.4f%n", step, p.getKey(), loss);
                                System.exit(4);
                            }
                        }
                        trainer.step();
                    }
                }
            }
        }
        System.out.println("ok: " + steps + " steps, every gradient finite");
    }
}
