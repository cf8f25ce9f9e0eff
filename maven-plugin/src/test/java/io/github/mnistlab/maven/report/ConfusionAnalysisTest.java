package io.github.mnistlab.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mnistlab.eval.ClassMetrics;
import io.github.mnistlab.eval.Evaluation;
import io.github.mnistlab.record.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The wide CNN's hardest digits and most frequent confusions on evaluations chosen to meet each rule or just miss it. */
class ConfusionAnalysisTest {
    private static final ReportText EN = ReportText.of(Locale.ENGLISH);
    private static final ReportText ZH = ReportText.of(Locale.SIMPLIFIED_CHINESE);

    /** A cnn-wide run whose test set has 100 right answers per digit plus the mistakes {true, predicted, count}. */
    private static RunRecord wide(int[]... mistakes) {
        List<Integer> actual = new ArrayList<>();
        List<Integer> predicted = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            for (int i = 0; i < 100; i++) {
                actual.add(d);
                predicted.add(d);
            }
        }
        for (int[] m : mistakes) {
            for (int i = 0; i < m[2]; i++) {
                actual.add(m[0]);
                predicted.add(m[1]);
            }
        }
        Evaluation test = Evaluation.of(10, actual.stream().mapToInt(Integer::intValue).toArray(),
                predicted.stream().mapToInt(Integer::intValue).toArray(), null, 0.1, 10);
        RunRecord r = ReportFixtures.run("wide", "cnn-wide", 2, 0.99, 7);
        return new RunRecord(r.schemaVersion(), r.id(), r.preset(), r.status(), r.message(), r.spec(), r.provenance(),
                r.parameterCount(), r.epochs(), r.iterationLoss(), r.bestEpoch(), r.trainingSeconds(), test,
                r.parametersFile(), 0, 0, List.of(), null);
    }

    private static List<String> sentences(RunRecord r, ReportText t) {
        return ConfusionAnalysis.findings(r).stream().map(f -> f.text(t)).toList();
    }

    @Test
    void theThreeMostFrequentConfusionsWithTheirCounts() {
        RunRecord r = wide(new int[] {4, 9, 12}, new int[] {7, 2, 9}, new int[] {3, 5, 8}, new int[] {8, 3, 7});
        // 3 is both missed (3 → 5) and wrongly predicted (8 → 3): the lowest F1; 4 and 9 tie, the lower digit first
        assertEquals(List.of("wide: the hardest digits, by lowest F1: 3 (F1 0.9302, precision 0.9346, recall 0.9259);"
                + " 4 (F1 0.9434, precision 1.0000, recall 0.8929); 9 (F1 0.9434, precision 0.8929, recall 1.0000).",
                "wide: the 3 most frequent confusions (true → predicted) are 4 → 9 (12 times), 7 → 2 (9 times), 3 → 5"
                + " (8 times): 29 of its 36 mistakes."), sentences(r, EN));
        assertEquals("wide：最常见的混淆（真实 → 预测）为 4 → 9（12 次）、7 → 2（9 次）、3 → 5（8 次），共 29 个，占全部 36 个错误。",
                sentences(r, ZH).get(1));
        assertEquals("wide: hardest digit 3 (F1 0.9302); most frequent confusion 4 → 9 (12 times).",
                ConfusionAnalysis.brief(r).text(EN));
    }

    @Test
    void aTieGoesToTheLowerTrueDigitAndTheFourthPairIsLeftOut() {
        // 8 → 3 has as many mistakes as 3 → 5: the lower true digit, 3, is listed; 8 → 3 just misses the top three
        RunRecord r = wide(new int[] {8, 3, 8}, new int[] {4, 9, 12}, new int[] {7, 2, 9}, new int[] {3, 5, 8});
        assertEquals(List.of("4→9:12", "7→2:9", "3→5:8"), ConfusionAnalysis.confusions(r.test()).stream()
                .map(p -> p[0] + "→" + p[1] + ":" + p[2]).toList());
        // one mistake more and it is the third
        RunRecord more = wide(new int[] {8, 3, 9}, new int[] {4, 9, 12}, new int[] {7, 2, 9}, new int[] {3, 5, 8});
        assertEquals(List.of("4→9:12", "7→2:9", "8→3:9"), ConfusionAnalysis.confusions(more.test()).stream()
                .map(p -> p[0] + "→" + p[1] + ":" + p[2]).toList());
    }

    @Test
    void fewerThanThreeConfusedPairsAndOneMistakeAreSaidAsSuch() {
        RunRecord r = wide(new int[] {5, 6, 1});
        assertEquals("wide: the most frequent confusion (true → predicted) is 5 → 6 (once): 1 of its 1 mistake.",
                sentences(r, EN).get(1));
        RunRecord none = wide();
        assertEquals("wide makes no mistake on its 1,000 test samples.", sentences(none, EN).get(1));
        assertEquals("wide: hardest digit 0 (F1 1.0000); no mistakes.", ConfusionAnalysis.brief(none).text(EN));
    }

    @Test
    void theHardestDigitIsTheLowestF1TiesToTheLowerDigit() {
        RunRecord r = wide(new int[] {6, 0, 3}, new int[] {2, 1, 2});
        List<Integer> hardest = ConfusionAnalysis.hardest(r.test()).stream().map(ClassMetrics::label).toList();
        assertEquals(List.of(0, 6, 1), hardest);
    }
}
