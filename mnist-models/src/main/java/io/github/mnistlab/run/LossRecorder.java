package io.github.mnistlab.run;

import io.github.mnistlab.record.LossSeries;
import java.util.ArrayList;
import java.util.List;

/** Averages the per-iteration training loss over windows of {@code every} iterations. */
final class LossRecorder {
    private final int every;
    private final List<Float> points = new ArrayList<>();
    private double sum;
    private int inWindow;

    LossRecorder(int every) {
        this.every = every;
    }

    void add(float loss) {
        sum += loss;
        if (++inWindow == every) {
            flush();
        }
    }

    private void flush() {
        if (inWindow > 0) {
            points.add((float) (sum / inWindow));
            sum = 0;
            inWindow = 0;
        }
    }

    /** The series so far, including a last partial window. */
    LossSeries series() {
        List<Float> all = new ArrayList<>(points);
        if (inWindow > 0) {
            all.add((float) (sum / inWindow));
        }
        return new LossSeries(every, all);
    }
}
