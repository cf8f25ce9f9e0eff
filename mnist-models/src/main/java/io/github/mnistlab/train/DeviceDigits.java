package io.github.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import io.github.mnistlab.data.DigitImages;
import java.nio.ByteBuffer;

/**
 * A digit set living on the device as two whole tensors: {@code images} (N, 1, 28, 28) float32,
 * normalized once as {@code (x / 255 − mean) / std}, and {@code labels} (N) int64. Batches are index
 * slices of these, so no per-sample work happens while training.
 */
public final class DeviceDigits implements DeviceSet, AutoCloseable {
    /** The usual MNIST normalization (mean and standard deviation of the training pixels in [0, 1]). */
    public static final float MNIST_MEAN = 0.1307f;
    public static final float MNIST_STD = 0.3081f;
    private static final int PIXELS = 28 * 28;

    private final NDManager manager;
    private final NDArray images;
    private final NDArray labels;
    /** The images as (N, 784) rows, a view, for {@link #rows}. */
    private final NDArray flat;
    private final int count;

    private DeviceDigits(NDManager manager, NDArray images, NDArray labels, int count) {
        this.manager = manager;
        this.images = images;
        this.labels = labels;
        this.flat = images.reshape(count, PIXELS);
        this.count = count;
    }

    /**
     * Copies {@code digits} to the device of {@code parent} in a sub-manager this object owns.
     *
     * @param mean subtracted after scaling pixels to [0, 1]
     * @param std  divides after subtracting the mean
     */
    public static DeviceDigits upload(NDManager parent, DigitImages digits, float mean, float std) {
        NDManager manager = parent.newSubManager();
        int n = digits.count();
        NDArray raw = manager.create(ByteBuffer.wrap(digits.pixels()), new Shape(n, 1, 28, 28), DataType.UINT8);
        NDArray images = raw.toType(DataType.FLOAT32, false).divi(255f).subi(mean).divi(std);
        raw.close();
        NDArray labelBytes = manager.create(ByteBuffer.wrap(digits.labels()), new Shape(n), DataType.UINT8);
        NDArray labels = labelBytes.toType(DataType.INT64, false);
        labelBytes.close();
        return new DeviceDigits(manager, images, labels, n);
    }

    public NDArray images() {
        return images;
    }

    public NDArray labels() {
        return labels;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public NDList arrange(NDManager target, NDArray order) {
        NDIndex rows = order == null ? new NDIndex().addSliceDim(0, count) : new NDIndex("{}", order);
        NDList out = new NDList(images.get(rows), labels.get(rows));
        out.attach(target);
        return out;
    }

    @Override
    public Batches batches(NDManager target, NDArray order, int batchSize) {
        NDList columns = new NDList(order, labels.get(new NDIndex("{}", order)));
        columns.get(1).attach(target);
        return RowSplits.batches(columns, count, batchSize, part -> new NDList(rows(part.get(0)), part.get(1)));
    }

    /**
     * The images at {@code indices} (int64), as a new (k, 1, 28, 28) tensor. This is an embedding
     * lookup, one native row copy per index: about half the cost of advanced indexing
     * ({@code get(NDIndex)}), which a batch of 10 digits notices.
     */
    NDArray rows(NDArray indices) {
        try (NDArray picked = flat.getNDArrayInternal().embedding(indices, flat, SparseFormat.DENSE).singletonOrThrow()) {
            return picked.reshape(indices.size(), 1, 28, 28);
        }
    }

    /** The manager owning these tensors (for sets derived from them, such as pairs). */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
