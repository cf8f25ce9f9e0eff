package io.github.mnistlab.record;

import java.util.List;

/**
 * The training loss over iterations: {@code values[i]} is the mean batch loss of iterations
 * {@code i·every + 1 … (i+1)·every} (the last point may average fewer).
 *
 * @param every  iterations per point
 * @param values the mean losses
 */
public record LossSeries(int every, List<Float> values) {
    public LossSeries {
        values = List.copyOf(values);
    }
}
