package io.github.mnistlab.record;

import io.github.mnistlab.spec.SweepPoint;
import java.util.List;
import java.util.Map;

/**
 * The summary of a sweep, written as {@value #FILE_NAME} beside its runs.
 *
 * @param kind   {@code mlp} (k × m), {@code cnn} (depth × kernel) or {@code ablation}
 * @param preset the preset the points start from (an ablation: the improved preset); null in records
 *               written before it was kept
 * @param points one entry per point, in sweep order
 * @param best   the id of the point with the best selection accuracy
 */
public record SweepRecord(int schemaVersion, String kind, String preset, List<Point> points, String best) {
    /** The file name of a sweep's record in its directory, written once every point has run. */
    public static final String FILE_NAME = "sweep.json";

    /**
     * One point's outcome.
     *
     * @param id                 its run id (and directory name)
     * @param coordinates        e.g. {@code {k: 2, m: 30}}
     * @param validationAccuracy best validation accuracy over the epochs (null without validation)
     * @param testAccuracy       test accuracy of the kept parameters
     * @param trainingSeconds    training time
     * @param parameterCount     trainable parameters of the point's model; null in records written before it was kept
     */
    public record Point(String id, Map<String, Integer> coordinates, Double validationAccuracy, double testAccuracy,
            double trainingSeconds, Long parameterCount) {
        /** A point without its parameter count. */
        public Point(String id, Map<String, Integer> coordinates, Double validationAccuracy, double testAccuracy,
                double trainingSeconds) {
            this(id, coordinates, validationAccuracy, testAccuracy, trainingSeconds, null);
        }

        /** The accuracy the best point is chosen by: validation where held out, else test (as the LeNet lab does). */
        public double selectionAccuracy() {
            return validationAccuracy != null ? validationAccuracy : testAccuracy;
        }
    }

    /** Summarizes finished runs. */
    public static SweepRecord of(String kind, String preset, List<SweepPoint> points, List<RunRecord> runs) {
        List<Point> out = new java.util.ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            RunRecord r = runs.get(i);
            Double validation = r.epochs().stream().map(EpochRecord::validationError).filter(java.util.Objects::nonNull)
                    .min(Double::compare).map(e -> 1 - e).orElse(null);
            out.add(new Point(points.get(i).id(), points.get(i).coordinates(), validation, r.test().accuracy(),
                    r.trainingSeconds(), r.parameterCount()));
        }
        String best = out.stream().max(java.util.Comparator.comparingDouble(Point::selectionAccuracy))
                .map(Point::id).orElse(null);
        return new SweepRecord(RunRecord.SCHEMA_VERSION, kind, preset, out, best);
    }
}
