package io.github.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.mnistlab.data.DigitPairs;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A pairing of device-resident digits for the adder: inputs are the two image batches, labels the
 * sums. Only the pair indices are uploaded; the images stay where {@link DeviceDigits} put them.
 */
public final class DevicePairs implements DeviceSet, AutoCloseable {
    private final DeviceDigits digits;
    private final NDManager manager;
    private final NDArray left;
    private final NDArray right;
    private final NDArray sums;

    public DevicePairs(DeviceDigits digits, DigitPairs pairs) {
        this.digits = digits;
        this.manager = digits.manager().newSubManager();
        this.left = manager.create(Arrays.stream(pairs.left()).asLongStream().toArray());
        this.right = manager.create(Arrays.stream(pairs.right()).asLongStream().toArray());
        NDArray sumBytes = manager.create(ByteBuffer.wrap(pairs.sums()), new Shape(pairs.count()), DataType.UINT8);
        this.sums = sumBytes.toType(DataType.INT64, false);
        sumBytes.close();
    }

    @Override
    public int count() {
        return (int) sums.size();
    }

    @Override
    public NDList arrange(NDManager target, NDArray order) {
        NDIndex rows = order == null ? new NDIndex().addSliceDim(0, count()) : new NDIndex("{}", order);
        try (NDManager scratch = manager.newSubManager()) {
            NDArray a = left.get(rows);
            NDArray b = right.get(rows);
            a.attach(scratch);
            b.attach(scratch);
            NDList out = new NDList(digits.images().get(new NDIndex("{}", a)), digits.images().get(new NDIndex("{}", b)),
                    sums.get(rows));
            out.attach(target);
            return out;
        }
    }

    @Override
    public Batches batches(NDManager target, NDArray order, int batchSize) {
        NDIndex rows = new NDIndex("{}", order);
        NDList columns = new NDList(left.get(rows), right.get(rows), sums.get(rows));
        columns.attach(target);
        return RowSplits.batches(columns, count(), batchSize,
                part -> new NDList(digits.rows(part.get(0)), digits.rows(part.get(1)), part.get(2)));
    }

    @Override
    public void close() {
        manager.close();
    }
}
