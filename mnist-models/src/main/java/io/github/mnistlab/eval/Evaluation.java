package io.github.mnistlab.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A classifier's results on one set.
 *
 * @param classes   number of classes (10 digits or 19 sums)
 * @param samples   number of samples evaluated
 * @param accuracy  fraction predicted correctly
 * @param loss      mean cross-entropy loss, or NaN where not measured
 * @param perClass  metrics of each class 0..classes−1
 * @param confusion {@code confusion[actual][predicted]} counts
 * @param mistakes  the most confident mistakes, most confident first
 * @param firstSamples what the model answered for the first {@value #FIRST_SAMPLES} samples, right or wrong
 */
public record Evaluation(int classes, int samples, double accuracy, double loss, List<ClassMetrics> perClass,
        int[][] confusion, List<Mistake> mistakes, List<SampleOutcome> firstSamples) {
    /** How many of the first samples' answers are kept. */
    public static final int FIRST_SAMPLES = 10;

    /**
     * Computes every metric from the predictions.
     *
     * @param classes      number of classes
     * @param actual       true class of each sample
     * @param predicted    predicted class of each sample
     * @param confidence   probability of each prediction (may be null: no mistake ranking)
     * @param loss         mean loss, or NaN
     * @param keepMistakes how many of the most confident mistakes to keep
     */
    /** The class with the highest score in row {@code row} of {@code scores} (rows of {@code classes}). */
    public static int argMax(float[] scores, int row, int classes) {
        int offset = row * classes;
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (scores[offset + c] > scores[offset + best]) {
                best = c;
            }
        }
        return best;
    }

    public static Evaluation of(int classes, int[] actual, int[] predicted, float[] confidence, double loss,
            int keepMistakes) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " labels but " + predicted.length + " predictions");
        }
        int n = actual.length;
        int[][] confusion = new int[classes][classes];
        int correct = 0;
        List<Mistake> mistakes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            confusion[actual[i]][predicted[i]]++;
            if (actual[i] == predicted[i]) {
                correct++;
            } else {
                mistakes.add(new Mistake(i, actual[i], predicted[i], confidence == null ? Double.NaN : confidence[i]));
            }
        }
        if (confidence != null) {
            mistakes.sort(Comparator.comparingDouble(Mistake::confidence).reversed().thenComparingInt(Mistake::index));
        }
        List<ClassMetrics> perClass = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            int tp = confusion[c][c];
            int support = 0;
            int predictedAs = 0;
            for (int k = 0; k < classes; k++) {
                support += confusion[c][k];
                predictedAs += confusion[k][c];
            }
            double precision = predictedAs == 0 ? 0 : tp / (double) predictedAs;
            double recall = support == 0 ? 0 : tp / (double) support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.add(new ClassMetrics(c, support, predictedAs, precision, recall, f1));
        }
        List<SampleOutcome> first = new ArrayList<>();
        for (int i = 0; i < Math.min(FIRST_SAMPLES, n); i++) {
            first.add(new SampleOutcome(i, actual[i], predicted[i], confidence == null ? Double.NaN : confidence[i]));
        }
        return new Evaluation(classes, n, n == 0 ? 0 : correct / (double) n, loss, List.copyOf(perClass), confusion,
                List.copyOf(mistakes.subList(0, Math.min(keepMistakes, mistakes.size()))), List.copyOf(first));
    }

    /** 1 − accuracy. */
    public double error() {
        return 1 - accuracy;
    }

    /** Unweighted mean of the per-class F1 scores over classes that occur. */
    public double macroF1() {
        return perClass.stream().filter(m -> m.support() > 0).mapToDouble(ClassMetrics::f1).average().orElse(0);
    }
}
