package io.github.mnistlab.maven.report;

import io.github.mnistlab.maven.report.Finding.Kind;
import io.github.mnistlab.maven.report.Finding.Phrase;
import io.github.mnistlab.record.SweepRecord;
import io.github.mnistlab.record.SweepRecord.Point;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a sweep answers, from its record's numbers: for the MLP's k × m grid, accuracy against m for
 * each k (how far it rises, the best width, from which m more units stop paying), the depths that stay
 * near chance, and the best point; for the CNN's depth × kernel grid, the effect of depth and of the
 * kernel size (accuracy, parameter count where recorded and training time side by side, one line held
 * at the best point) and the
 * trade-off between accuracy and time. Each sweep also gets one short line for {@code summary.md}.
 * The MLP uses the accuracy the sweep chose its best point by (validation where held out), the CNN
 * the test accuracy its grid shows.
 */
final class SweepAnalysis {
    /** Below this accuracy a point is near chance (ten classes: 10 %). */
    static final double NEAR_CHANCE = 0.20;
    /**
     * More units stop paying from the narrowest width within this much (0.2 points) of its depth's
     * best; a faster CNN point this close to the best is the trade-off's cheaper choice.
     */
    static final double CLOSE = 0.002;
    /** Two numbers this close are taken as equal (their doubles' rounding). */
    private static final double EPSILON = 1e-9;

    private SweepAnalysis() {
    }

    /** The findings of {@code sweep}'s analysis; none for an ablation or a grid of another shape. */
    static List<Finding> findings(ReportInputs.Sweep sweep) {
        List<Point> points = sweep.record().points();
        if (points.isEmpty()) {
            return List.of();
        }
        if (hasKeys(points, "k", "m")) {
            return mlp(sweep.id(), points);
        }
        if (hasKeys(points, "depth", "kernel")) {
            return cnn(sweep.id(), points, best(sweep.record()));
        }
        return List.of();
    }

    /** The short line of {@code sweep} for {@code summary.md}, or null. */
    static Finding brief(ReportInputs.Sweep sweep) {
        List<Point> points = sweep.record().points();
        if (points.isEmpty()) {
            return null;
        }
        if (hasKeys(points, "k", "m")) {
            Point best = points.stream().max(Comparator.comparingDouble(Point::selectionAccuracy)).orElseThrow();
            List<Integer> atChance = byK(points).entrySet().stream()
                    .filter(e -> e.getValue().values().stream().allMatch(SweepAnalysis::nearChance)).map(Map.Entry::getKey)
                    .toList();
            String bestAt = percent(best.selectionAccuracy());
            if (atChance.isEmpty()) {
                return Finding.of(Kind.SWEEP_MLP_BRIEF, sweep.id(), sweep.id(), k(best), m(best), bestAt);
            }
            double highest = points.stream().filter(p -> atChance.contains(k(p))).mapToDouble(Point::selectionAccuracy)
                    .max().orElseThrow();
            return Finding.of(Kind.SWEEP_MLP_BRIEF_CHANCE, sweep.id(), sweep.id(), k(best), m(best), bestAt,
                    Finding.Listing.values(atChance), percent(highest), atChance.size());
        }
        if (hasKeys(points, "depth", "kernel")) {
            Point low = points.stream().min(Comparator.comparingDouble(Point::testAccuracy)).orElseThrow();
            Point high = points.stream().max(Comparator.comparingDouble(Point::testAccuracy)).orElseThrow();
            return Finding.of(Kind.SWEEP_CNN_BRIEF, sweep.id(), sweep.id(), percent(low.testAccuracy()),
                    cnnPoint(low), seconds(low.trainingSeconds()), percent(high.testAccuracy()), cnnPoint(high),
                    seconds(high.trainingSeconds()));
        }
        return null;
    }

    // ---- the MLP's k × m ----

    private static List<Finding> mlp(String id, List<Point> points) {
        List<Finding> out = new ArrayList<>();
        Map<Integer, TreeMap<Integer, Double>> byK = byK(points);
        for (var line : byK.entrySet()) {
            int k = line.getKey();
            TreeMap<Integer, Double> accuracy = line.getValue();
            long atChance = accuracy.values().stream().filter(SweepAnalysis::nearChance).count();
            if (atChance > 0) {
                double highest = accuracy.values().stream().filter(SweepAnalysis::nearChance)
                        .mapToDouble(Double::doubleValue).max().orElseThrow();
                out.add(Finding.of(Kind.SWEEP_MLP_CHANCE, id, k, atChance == accuracy.size()
                        ? Phrase.of("analysis.sweep.allWidths", accuracy.size())
                        : Phrase.of("analysis.sweep.someWidths", atChance, accuracy.size()), percent(highest)));
            }
            if (accuracy.size() < 2 || atChance == accuracy.size()) {
                continue;
            }
            int first = accuracy.firstKey();
            int widest = accuracy.lastKey();
            double top = accuracy.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            int bestM = accuracy.entrySet().stream().filter(e -> e.getValue() == top).findFirst().orElseThrow().getKey();
            int enough = accuracy.entrySet().stream().filter(e -> top - e.getValue() <= CLOSE + EPSILON).findFirst()
                    .orElseThrow().getKey();
            if (bestM == first) {
                out.add(Finding.of(Kind.SWEEP_MLP_NARROW_BEST, id, k, first, percent(top), widest,
                        percent(accuracy.get(widest))));
            } else if (enough == widest) {
                out.add(Finding.of(Kind.SWEEP_MLP_RISING, id, k, first, percent(accuracy.get(first)), widest, percent(top),
                        points(CLOSE)));
            } else {
                out.add(Finding.of(Kind.SWEEP_MLP_WIDTH, id, k, first, percent(accuracy.get(first)), bestM, percent(top),
                        enough, points(CLOSE)));
            }
        }
        if (byK.size() > 1) {
            List<Phrase> perDepth = new ArrayList<>();
            for (var line : byK.entrySet()) {
                var top = line.getValue().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
                perDepth.add(nearChance(top.getValue())
                        ? Phrase.of("analysis.sweep.mlpDepthItemChance", line.getKey(), percent(top.getValue()))
                        : Phrase.of("analysis.sweep.mlpDepthItem", line.getKey(), percent(top.getValue()), top.getKey()));
            }
            Point best = points.stream().max(Comparator.comparingDouble(Point::selectionAccuracy)).orElseThrow();
            out.add(Finding.of(Kind.SWEEP_MLP_DEPTH, id, Finding.Listing.of(perDepth), k(best), m(best),
                    percent(best.selectionAccuracy()), percent(best.testAccuracy())));
        }
        return out;
    }

    private static Map<Integer, TreeMap<Integer, Double>> byK(List<Point> points) {
        Map<Integer, TreeMap<Integer, Double>> byK = new TreeMap<>();
        for (Point p : points) {
            byK.computeIfAbsent(k(p), k -> new TreeMap<>()).put(m(p), p.selectionAccuracy());
        }
        return byK;
    }

    static boolean nearChance(double accuracy) {
        return accuracy < NEAR_CHANCE;
    }

    // ---- the CNN's depth × kernel ----

    private static List<Finding> cnn(String id, List<Point> points, Point best) {
        List<Finding> out = new ArrayList<>();
        Finding depth = line(id, Kind.SWEEP_CNN_DEPTH, points, "depth", "kernel", best);
        if (depth != null) {
            out.add(depth);
        }
        Finding kernel = line(id, Kind.SWEEP_CNN_KERNEL, points, "kernel", "depth", best);
        if (kernel != null) {
            out.add(kernel);
        }
        out.add(tradeOff(id, points, best));
        return out;
    }

    /**
     * The points along {@code axis} with {@code held} at the best point's value, side by side (accuracy,
     * parameter count where the record keeps it, training time), and what going from the line's first
     * value to the best point changes (to its last value where the first is the best); null when the
     * line has one point.
     */
    private static Finding line(String id, Kind kind, List<Point> points, String axis, String held, Point best) {
        int at = best.coordinates().get(held);
        List<Point> line = points.stream().filter(p -> p.coordinates().get(held) == at)
                .sorted(Comparator.comparingInt(p -> p.coordinates().get(axis))).toList();
        if (line.size() < 2) {
            return null;
        }
        boolean counted = line.stream().allMatch(p -> p.parameterCount() != null);
        String item = counted ? "analysis.sweep.cnnItemParameters" : "analysis.sweep.cnnItem";
        List<Phrase> items = line.stream().map(p -> Phrase.of(item,
                axis, p.coordinates().get(axis), percent(p.testAccuracy()), seconds(p.trainingSeconds()),
                counted ? String.format(Locale.ROOT, "%,d", p.parameterCount()) : "")).toList();
        Point first = line.get(0);
        Point last = line.get(0) == best ? line.get(line.size() - 1) : best;
        return Finding.of(kind, id, at, Finding.Listing.of(items),
                first.coordinates().get(axis), last.coordinates().get(axis),
                change(last.testAccuracy() - first.testAccuracy()),
                time(last.trainingSeconds() / first.trainingSeconds()));
    }

    /** An accuracy difference in points to two decimals, as gained, lost or none (below 0.005 points either way). */
    static Phrase change(double difference) {
        BigDecimal points = BigDecimal.valueOf(100 * difference).setScale(2, RoundingMode.HALF_UP);
        if (points.signum() == 0) {
            return Phrase.of("analysis.sweep.level");
        }
        return Phrase.of(points.signum() > 0 ? "analysis.sweep.gains" : "analysis.sweep.loses",
                points.abs().stripTrailingZeros());
    }

    /**
     * A ratio of training times: "for 2.5 × the training time", "and cuts the training time by 78 %",
     * or about the same where it rounds to 1.0 ×.
     */
    static Phrase time(double ratio) {
        String times = ReportNumbers.times(ratio);
        return "1.0".equals(times) ? Phrase.of("analysis.sweep.timeSame")
                : ratio > 1 ? Phrase.of("analysis.sweep.timeTimes", times)
                : Phrase.of("analysis.sweep.timeCut", Math.round(100 * (1 - ratio)));
    }

    /**
     * The trade-off: the fastest point within {@link #CLOSE} of the best's test accuracy when it is
     * faster than the best; else what the best costs over the fastest point; else that the best is
     * also the fastest.
     */
    private static Finding tradeOff(String id, List<Point> points, Point best) {
        Point fastest = points.stream().min(Comparator.comparingDouble(Point::trainingSeconds)).orElseThrow();
        Point cheaper = points.stream().filter(p -> p != best && p.trainingSeconds() < best.trainingSeconds()
                && best.testAccuracy() - p.testAccuracy() <= CLOSE + EPSILON)
                .min(Comparator.comparingDouble(Point::trainingSeconds)).orElse(null);
        if (cheaper != null) {
            return Finding.of(Kind.SWEEP_CNN_CHEAPER, id, cnnPoint(cheaper), percent(cheaper.testAccuracy()),
                    seconds(cheaper.trainingSeconds()), points(CLOSE), cnnPoint(best), percent(best.testAccuracy()),
                    seconds(best.trainingSeconds()),
                    Math.round(100 * (1 - cheaper.trainingSeconds() / best.trainingSeconds())));
        }
        if (fastest.trainingSeconds() < best.trainingSeconds()) {
            return Finding.of(Kind.SWEEP_CNN_COSTS, id, cnnPoint(best), percent(best.testAccuracy()),
                    seconds(best.trainingSeconds()), points(CLOSE),
                    time(best.trainingSeconds() / fastest.trainingSeconds()), cnnPoint(fastest),
                    percent(fastest.testAccuracy()), seconds(fastest.trainingSeconds()),
                    change(best.testAccuracy() - fastest.testAccuracy()));
        }
        return Finding.of(Kind.SWEEP_CNN_NO_TRADE_OFF, id, cnnPoint(best), percent(best.testAccuracy()),
                seconds(best.trainingSeconds()));
    }

    /** A CNN point in words: depth and kernel size. */
    private static Phrase cnnPoint(Point p) {
        return Phrase.of("analysis.sweep.cnnPoint", p.coordinates().get("depth"), p.coordinates().get("kernel"));
    }

    // ---- shared ----

    /** The record's best point, or (a record without one) the point of the highest selection accuracy. */
    private static Point best(SweepRecord s) {
        return s.points().stream().filter(p -> p.id().equals(s.best())).findFirst()
                .orElseGet(() -> s.points().stream().max(Comparator.comparingDouble(Point::selectionAccuracy))
                        .orElseThrow());
    }

    private static boolean hasKeys(List<Point> points, String a, String b) {
        return points.stream().allMatch(p -> p.coordinates() != null
                && p.coordinates().keySet().equals(java.util.Set.of(a, b))
                && p.coordinates().values().stream().allMatch(Objects::nonNull));
    }

    private static int k(Point p) {
        return p.coordinates().get("k");
    }

    private static int m(Point p) {
        return p.coordinates().get("m");
    }

    private static String percent(double v) {
        return ReportNumbers.percent(v);
    }

    /** Training seconds as a person reads them: whole from 10 s, one decimal below. */
    static String seconds(double s) {
        return s >= 9.95 ? String.format(Locale.ROOT, "%,.0f", s) : String.format(Locale.ROOT, "%.1f", s);
    }

    /** A difference of accuracy in percentage points, e.g. 0.002 → "0.2". */
    private static String points(double difference) {
        return BigDecimal.valueOf(100 * difference).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
