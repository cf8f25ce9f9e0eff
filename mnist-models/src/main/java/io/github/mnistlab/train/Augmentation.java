package io.github.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Random shifts and small rotations of training digits, on the device: every image of a batch gets
 * its own angle in [−degrees, degrees] and its own move of up to {@code shiftPixels} pixels along
 * each axis. Each output pixel takes the input pixel its inverse transform lands on (nearest
 * neighbour, one gather for the whole batch); a pixel that lands outside the image is blank. About
 * twenty native calls per batch, whatever its size, and no per-sample work on the host.
 */
public final class Augmentation {
    private static final int SIDE = 28;
    private static final int PIXELS = SIDE * SIDE;
    private static final float CENTRE = (SIDE - 1) / 2f;
    /** Column (x) and row (y) of every pixel, relative to the image centre. */
    private static final float[] GRID_X = new float[PIXELS];
    private static final float[] GRID_Y = new float[PIXELS];

    static {
        for (int i = 0; i < PIXELS; i++) {
            GRID_X[i] = i % SIDE - CENTRE;
            GRID_Y[i] = i / SIDE - CENTRE;
        }
    }

    private final float shiftPixels;
    private final float radians;
    private final float blank;

    /**
     * @param shiftPixels     the most pixels a digit moves along each axis, ≥ 0
     * @param rotationDegrees the largest rotation either way, in degrees, ≥ 0
     * @param blank           the value of an empty pixel in the normalized images ({@code −mean / std})
     */
    public Augmentation(float shiftPixels, float rotationDegrees, float blank) {
        if (!(shiftPixels >= 0) || !(rotationDegrees >= 0) || shiftPixels + rotationDegrees == 0) {
            throw new IllegalArgumentException("an augmentation needs shiftPixels ≥ 0 and rotationDegrees ≥ 0, not both 0;"
                    + " got " + shiftPixels + " and " + rotationDegrees);
        }
        this.shiftPixels = shiftPixels;
        this.radians = (float) Math.toRadians(rotationDegrees);
        this.blank = blank;
    }

    /**
     * {@code images} (B, 1, 28, 28), each moved and turned at random (the engine's seeded generator),
     * as a new array in the same manager; {@code images} itself is closed.
     */
    public NDArray apply(NDArray images) {
        NDManager owner = images.getManager();
        long batch = images.getShape().get(0);
        try (NDManager scratch = owner.newSubManager()) {
            images.attach(scratch);
            NDArray draws = scratch.randomUniform(-1f, 1f, new Shape(batch, 3));
            NDArray out = transform(images, draws.get(new NDIndex(":, 0:1")).muli(radians),
                    draws.get(new NDIndex(":, 1:3")).muli(shiftPixels), blank);
            out.attach(owner);
            return out;
        }
    }

    /**
     * The images turned by {@code angles} (B, 1) radians about their centre and moved by
     * {@code shifts} (B, 2) pixels (right, down), pixels from outside set to {@code blank}.
     * Arrays it makes belong to the manager of {@code images}.
     */
    static NDArray transform(NDArray images, NDArray angles, NDArray shifts, float blank) {
        NDManager manager = images.getManager();
        long batch = images.getShape().get(0);
        NDArray gx = manager.create(GRID_X).reshape(1, PIXELS);
        NDArray gy = manager.create(GRID_Y).reshape(1, PIXELS);
        NDArray cos = angles.cos();
        NDArray sin = angles.sin();
        // out(p) = in(R(θ)·(p − c) + c − t): the content turns by −θ and moves by t
        NDArray sx = cos.mul(gx).subi(sin.mul(gy)).subi(shifts.get(new NDIndex(":, 0:1"))).addi(CENTRE).round();
        NDArray sy = sin.mul(gx).addi(cos.mul(gy)).subi(shifts.get(new NDIndex(":, 1:2"))).addi(CENTRE).round();
        NDArray inside = sx.gte(0).logicalAnd(sx.lte(SIDE - 1)).logicalAnd(sy.gte(0)).logicalAnd(sy.lte(SIDE - 1));
        NDArray source = sy.clip(0, SIDE - 1).muli(SIDE).addi(sx.clip(0, SIDE - 1)).toType(DataType.INT64, false);
        NDArray picked = images.reshape(batch, PIXELS).gather(source, 1);
        return NDArrays.where(inside, picked, manager.create(blank)).reshape(batch, 1, SIDE, SIDE);
    }

    /** {@code set} with every training batch's images augmented; evaluation ({@code arrange}) sees them as they are. */
    public DeviceSet over(DeviceSet set) {
        return new DeviceSet() {
            @Override
            public int count() {
                return set.count();
            }

            @Override
            public NDList arrange(NDManager manager, NDArray order) {
                return set.arrange(manager, order);
            }

            @Override
            public Batches batches(NDManager manager, NDArray order, int batchSize) {
                Batches batches = set.batches(manager, order, batchSize);
                return new Batches() {
                    @Override
                    public int count() {
                        return batches.count();
                    }

                    @Override
                    public NDList take(int index) {
                        NDList batch = batches.take(index);
                        NDList out = new NDList(batch.size());
                        for (int i = 0; i < batch.size() - 1; i++) {
                            out.add(apply(batch.get(i)));
                        }
                        out.add(batch.get(batch.size() - 1));
                        return out;
                    }
                };
            }
        };
    }
}
