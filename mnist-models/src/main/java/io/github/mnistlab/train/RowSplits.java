package io.github.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.List;

/** Cuts tensors into batches of rows with one native split per tensor. */
final class RowSplits {
    private RowSplits() {
    }

    /**
     * Every tensor of {@code columns} (each with {@code n} rows) cut into batches of {@code batchSize}
     * rows, the last one possibly shorter: for each batch, its views of the tensors in order.
     */
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
