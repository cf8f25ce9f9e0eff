package io.github.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Cuts tensors into batches of rows with one native split per tensor. */
final class RowSplits {
    private RowSplits() {
    }

    /**
     * Every tensor of {@code columns} (each with {@code n} rows) cut into batches of {@code batchSize}
     * rows, the last one possibly shorter: for each batch, its views of the tensors in order.
     */
    /**
     * An epoch's batches over {@code columns} (each with {@code n} rows, already in the epoch's order):
     * the columns are split once here, and {@code take} turns a batch's views of them into the batch
     * the model gets, when the batch is taken.
     */
    static DeviceSet.Batches batches(NDList columns, int n, int batchSize, UnaryOperator<NDList> take) {
        List<NDList> parts = split(columns, n, batchSize);
        return new DeviceSet.Batches() {
            @Override
            public int count() {
                return parts.size();
            }

            @Override
            public NDList take(int index) {
                return take.apply(parts.get(index));
            }
        };
    }

    static List<NDList> split(NDList columns, int n, int batchSize) {
        long[] cuts = new long[(n - 1) / batchSize];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = (long) (i + 1) * batchSize;
        }
        List<NDList> batches = new ArrayList<>(cuts.length + 1);
        for (int i = 0; i <= cuts.length; i++) {
            batches.add(new NDList(columns.size()));
        }
        for (NDArray column : columns) {
            NDList parts = cuts.length == 0 ? new NDList(column.get(new NDIndex().addSliceDim(0, n))) : column.split(cuts, 0);
            for (int i = 0; i < parts.size(); i++) {
                batches.get(i).add(parts.get(i));
            }
        }
        return batches;
    }
}
