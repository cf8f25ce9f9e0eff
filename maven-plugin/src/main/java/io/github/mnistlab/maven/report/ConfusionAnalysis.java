package io.github.mnistlab.maven.report;

import io.github.mnistlab.eval.ClassMetrics;
import io.github.mnistlab.eval.Evaluation;
import io.github.mnistlab.maven.report.Finding.Kind;
import io.github.mnistlab.maven.report.Finding.Phrase;
import io.github.mnistlab.record.RunRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the wide CNN lab asks of a run's test evaluation, from its record: the hardest digits (the
 * {@value #TOP} of lowest F1, each with its F1 as the evaluation table shows it) and the most frequent
 * confusions (the {@value #TOP} true → predicted pairs of the confusion matrix with the most
 * mistakes, each with its count, of all the mistakes). Ties go to the lower digit (the lower true,
 * then predicted digit); a pair with no mistake is never listed. Each run also gets one short line
 * for {@code summary.md}.
 */
final class ConfusionAnalysis {
    /** How many digits and pairs are named. */
    static final int TOP = 3;

    private ConfusionAnalysis() {
    }

    /** The findings of {@code r}'s test evaluation: the hardest digits, then the most frequent confusions. */
    static List<Finding> findings(RunRecord r) {
        Evaluation e = r.test();
        if (e == null || e.perClass().isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        out.add(Finding.of(Kind.HARDEST_DIGITS, r.id(), r.id(), Finding.Listing.of(hardest(e).stream()
                .map(m -> Phrase.of("analysis.confusion.digit", m.label(), ReportNumbers.fixed(m.f1(), 4),
                        ReportNumbers.fixed(m.precision(), 4), ReportNumbers.fixed(m.recall(), 4))).toList())));
        List<int[]> pairs = confusions(e);
        int mistakes = mistakes(e);
        if (pairs.isEmpty()) {
            out.add(Finding.of(Kind.CONFUSIONS_NONE, r.id(), r.id(), e.samples()));
        } else {
            out.add(Finding.of(Kind.CONFUSIONS, r.id(), r.id(), Finding.Listing.values(pairs.stream()
                    .map(p -> (Object) Phrase.of("analysis.confusion.pair", p[0], p[1], p[2])).toList()),
                    mistakes, pairs.stream().mapToInt(p -> p[2]).sum(), pairs.size()));
        }
        return out;
    }

    /** The short line of {@code r} for {@code summary.md}, or null. */
    static Finding brief(RunRecord r) {
        Evaluation e = r.test();
        if (e == null || e.perClass().isEmpty()) {
            return null;
        }
        ClassMetrics hardest = hardest(e).get(0);
        List<int[]> pairs = confusions(e);
        return pairs.isEmpty()
                ? Finding.of(Kind.CONFUSION_BRIEF_NONE, r.id(), r.id(), hardest.label(), ReportNumbers.fixed(hardest.f1(), 4))
                : Finding.of(Kind.CONFUSION_BRIEF, r.id(), r.id(), hardest.label(), ReportNumbers.fixed(hardest.f1(), 4),
                        Phrase.of("analysis.confusion.pair", pairs.get(0)[0], pairs.get(0)[1], pairs.get(0)[2]));
    }

    /** The {@value #TOP} classes of lowest F1, lowest first, ties to the lower digit. */
    static List<ClassMetrics> hardest(Evaluation e) {
        return e.perClass().stream().sorted(Comparator.comparingDouble(ClassMetrics::f1)
                .thenComparingInt(ClassMetrics::label)).limit(TOP).toList();
    }

    /** The {@value #TOP} most frequent confusions as {true, predicted, count}, most first, none of count 0. */
    static List<int[]> confusions(Evaluation e) {
        List<int[]> pairs = new ArrayList<>();
        int[][] c = e.confusion();
        for (int actual = 0; actual < c.length; actual++) {
            for (int predicted = 0; predicted < c[actual].length; predicted++) {
                if (actual != predicted && c[actual][predicted] > 0) {
                    pairs.add(new int[] {actual, predicted, c[actual][predicted]});
                }
            }
        }
        pairs.sort(Comparator.<int[]>comparingInt(p -> -p[2]).thenComparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
        return pairs.subList(0, Math.min(TOP, pairs.size()));
    }

    private static int mistakes(Evaluation e) {
        int n = 0;
        int[][] c = e.confusion();
        for (int actual = 0; actual < c.length; actual++) {
            for (int predicted = 0; predicted < c[actual].length; predicted++) {
                n += actual == predicted ? 0 : c[actual][predicted];
            }
        }
        return n;
    }
}
