package io.github.mnistlab.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mnistlab.record.SweepRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule of the sweeps' analysis on grids whose numbers are chosen to meet it or just miss it. */
class SweepAnalysisTest {
    private static final ReportText EN = ReportText.of(Locale.ENGLISH);
    private static final ReportText ZH = ReportText.of(Locale.SIMPLIFIED_CHINESE);

    /** A k × m sweep from {@code {k, m, validation accuracy}} rows (test accuracy 0.1 point lower, 10 s per point). */
    private static ReportInputs.Sweep mlp(double[]... rows) {
        List<SweepRecord.Point> points = new ArrayList<>();
        for (double[] r : rows) {
            int k = (int) r[0];
            int m = (int) r[1];
            points.add(new SweepRecord.Point("k" + k + "-m" + m, Map.of("k", k, "m", m), r[2], r[2] - 0.001, 10));
        }
        String best = points.stream().max((a, b) -> Double.compare(a.selectionAccuracy(), b.selectionAccuracy()))
                .orElseThrow().id();
        return new ReportInputs.Sweep("mlp-k-m", new SweepRecord(1, "mlp", "mlp", points, best));
    }

    /** A depth × kernel sweep from {@code {depth, kernel, test accuracy, seconds}} rows; the best by accuracy. */
    private static ReportInputs.Sweep cnn(double[]... rows) {
        List<SweepRecord.Point> points = new ArrayList<>();
        for (double[] r : rows) {
            int d = (int) r[0];
            int k = (int) r[1];
            points.add(new SweepRecord.Point("d" + d + "-k" + k, Map.of("depth", d, "kernel", k), null, r[2], r[3]));
        }
        String best = points.stream().max((a, b) -> Double.compare(a.testAccuracy(), b.testAccuracy())).orElseThrow().id();
        return new ReportInputs.Sweep("lenet-depth-kernel", new SweepRecord(1, "cnn", "cnn-lenet", points, best));
    }

    private static List<String> sentences(ReportInputs.Sweep sweep, ReportText t) {
        return SweepAnalysis.findings(sweep).stream().map(f -> f.text(t)).toList();
    }

    private static List<Finding.Kind> kinds(ReportInputs.Sweep sweep) {
        return SweepAnalysis.findings(sweep).stream().map(Finding::kind).toList();
    }

    @Test
    void moreUnitsStopPayingFromTheNarrowestWidthWithinPointTwoOfTheBest() {
        // m = 30 is exactly 0.2 points below the best: from there on more units stop paying
        ReportInputs.Sweep meets = mlp(new double[] {1, 10, 0.90}, new double[] {1, 20, 0.94}, new double[] {1, 30, 0.949},
                new double[] {1, 40, 0.950}, new double[] {1, 50, 0.951});
        assertEquals(List.of("With k = 1, accuracy rises from 90.00 % at m = 10 to its best, 95.10 %, at m = 50; from"
                + " m = 30 on, more units add less than 0.2 points."), sentences(meets, EN));
        assertEquals(List.of("k = 1 时，准确率从 m = 10 的 90.00 % 升到 m = 50 的最高值 95.10 %；从 m = 30 起，"
                + "再增加神经元带来的提升不到 0.2 个百分点。"), sentences(meets, ZH));

        // 0.21 points below: not yet, m = 40 is where they stop paying
        ReportInputs.Sweep misses = mlp(new double[] {1, 10, 0.90}, new double[] {1, 20, 0.94}, new double[] {1, 30, 0.9489},
                new double[] {1, 40, 0.950}, new double[] {1, 50, 0.951});
        assertTrue(sentences(misses, EN).get(0).endsWith("from m = 40 on, more units add less than 0.2 points."),
                sentences(misses, EN).toString());
    }

    @Test
    void aLineStillRisingAtItsWidestPointSaysSo() {
        ReportInputs.Sweep rising = mlp(new double[] {2, 10, 0.90}, new double[] {2, 20, 0.9479}, new double[] {2, 30, 0.95});
        assertEquals(List.of(Finding.Kind.SWEEP_MLP_RISING), kinds(rising));
        assertEquals(List.of("With k = 2, accuracy rises from 90.00 % at m = 10 to 95.00 % at the widest m = 30, more than"
                + " 0.2 points above every narrower width: a wider sweep would show where more units stop paying."),
                sentences(rising, EN));

        // m = 20 exactly 0.2 points below the widest: the line has levelled off
        ReportInputs.Sweep level = mlp(new double[] {2, 10, 0.90}, new double[] {2, 20, 0.948}, new double[] {2, 30, 0.95});
        assertEquals(List.of(Finding.Kind.SWEEP_MLP_WIDTH), kinds(level));
    }

    @Test
    void aLineWhoseNarrowestWidthIsBestSaysMoreUnitsDoNotPay() {
        ReportInputs.Sweep narrow = mlp(new double[] {1, 10, 0.95}, new double[] {1, 20, 0.9499}, new double[] {1, 40, 0.94});
        assertEquals(List.of("With k = 1, the narrowest layer is best (95.00 % at m = 10); more units do not pay"
                + " (94.00 % at m = 40)."), sentences(narrow, EN));
    }

    @Test
    void nearChanceIsBelowTwentyPerCentAndSaidWithTheNumber() {
        ReportInputs.Sweep sweep = mlp(new double[] {1, 10, 0.90}, new double[] {1, 20, 0.95},
                new double[] {3, 10, 0.1135}, new double[] {3, 20, 0.1999},
                new double[] {2, 10, 0.20}, new double[] {2, 20, 0.93});
        List<String> en = sentences(sweep, EN);

        assertTrue(en.contains("With k = 3, all 2 widths stay near chance (10 %): 19.99 % accuracy at best."), en.toString());
        assertTrue(en.stream().noneMatch(s -> s.startsWith("With k = 2, ") && s.contains("chance")), en.toString()); // 20.00 %
        assertTrue(en.stream().noneMatch(s -> s.startsWith("With k = 3, accuracy")), "no trend for a line at chance");
        assertTrue(en.contains("The best width of each depth: k = 1: 95.00 % (m = 20); k = 2: 93.00 % (m = 20);"
                + " k = 3: 19.99 % (near chance at every width). The best point is k = 1, m = 20, with 95.00 % accuracy (94.90 % on the test set)."),
                en.toString());
        assertTrue(sentences(sweep, ZH).contains("k = 3 时，全部 2 个宽度停留在随机猜测水平（10 %）附近：准确率最高只有 19.99 %。"));

        assertEquals("mlp-k-m: best at k = 1, m = 20 (95.00 %); k = 3 stays near chance (10 %), 19.99 % at best.",
                SweepAnalysis.brief(sweep).text(EN));
        // one width of k = 2 at 20.00 % is not near chance, nor is a depth with some widths above it
        assertEquals("mlp-k-m: best at k = 1, m = 20 (95.00 %).", SweepAnalysis.brief(mlp(new double[] {1, 20, 0.95},
                new double[] {2, 10, 0.1999}, new double[] {2, 20, 0.20})).text(EN));
        assertTrue(SweepAnalysis.nearChance(0.1999));
        assertTrue(!SweepAnalysis.nearChance(0.20));
    }

    @Test
    void someWidthsNearChanceAreCountedAndSeveralDepthsAtChanceAreNamedTogether() {
        ReportInputs.Sweep sweep = mlp(new double[] {1, 10, 0.15}, new double[] {1, 20, 0.90},
                new double[] {2, 10, 0.11}, new double[] {3, 10, 0.12});

        assertEquals("With k = 1, 1 of 2 widths stays near chance (10 %): 15.00 % accuracy at best.", sentences(sweep, EN).get(0));
        assertEquals("k = 1 时，2 个宽度中有 1 个停留在随机猜测水平（10 %）附近：准确率最高只有 15.00 %。", sentences(sweep, ZH).get(0));
        assertTrue(sentences(sweep, EN).contains("With k = 2, the one width stays near chance (10 %): 11.00 % accuracy at best."),
                sentences(sweep, EN).toString());
        assertEquals("mlp-k-m: best at k = 1, m = 20 (90.00 %); k = 2, 3 stay near chance (10 %), 12.00 % at best.",
                SweepAnalysis.brief(sweep).text(EN));
        assertEquals("mlp-k-m：k = 1、m = 20 时最好（90.00 %）；k = 2、3 停留在随机猜测水平（10 %）附近，最高 12.00 %。",
                SweepAnalysis.brief(sweep).text(ZH));
    }

    @Test
    void aLineThatPeaksInTheMiddleIsComparedFromItsFirstPointToTheBest() {
        ReportInputs.Sweep sweep = cnn(new double[] {1, 3, 0.8992, 2.4}, new double[] {1, 5, 0.9151, 11},
                new double[] {1, 7, 0.9133, 4.5});

        assertEquals("Kernel size, at depth 1: kernel 3: 89.92 % in 2.4 s; kernel 5: 91.51 % in 11 s; kernel 7: 91.33 % in"
                + " 4.5 s. Going from 3×3 to 5×5 kernels gains 1.59 points for 4.6 × the training time.",
                sentences(sweep, EN).get(0));
        assertEquals("Trade-off: 1 conv layer of 7×7 (91.33 %, 4.5 s) comes within 0.2 points of the best, 1 conv layer of"
                + " 5×5 (91.51 %, 11 s), and cuts the training time by 59 %.", sentences(sweep, EN).get(1));
    }

    /** The grid: 97.92 % for one 3×3 layer, 99.10 % for three 7×7 layers, 42 s to 127 s. */
    private static ReportInputs.Sweep lenet(double depth2Kernel7, double seconds2x7) {
        return cnn(new double[] {1, 3, 0.9792, 42}, new double[] {1, 5, 0.9830, 45}, new double[] {1, 7, 0.9850, 50},
                new double[] {2, 3, 0.9860, 60}, new double[] {2, 5, 0.9880, 66}, new double[] {2, 7, depth2Kernel7, seconds2x7},
                new double[] {3, 3, 0.9870, 90}, new double[] {3, 5, 0.9885, 100}, new double[] {3, 7, 0.9910, 127});
    }

    @Test
    void depthAndKernelSizeSideBySideAlongTheBestPointsLines() {
        List<String> en = sentences(lenet(0.9890, 80), EN);

        assertEquals("Depth, at kernel size 7: depth 1: 98.50 % in 50 s; depth 2: 98.90 % in 80 s; depth 3: 99.10 % in 127 s."
                + " Going from 1 to 3 conv layers gains 0.6 points for 2.5 × the training time.", en.get(0));
        assertEquals("Kernel size, at depth 3: kernel 3: 98.70 % in 90 s; kernel 5: 98.85 % in 100 s; kernel 7: 99.10 % in"
                + " 127 s. Going from 3×3 to 7×7 kernels gains 0.4 points for 1.4 × the training time.", en.get(1));
        assertEquals("深度（卷积核大小 7）：depth 1：98.50 %，50 秒；depth 2：98.90 %，80 秒；depth 3：99.10 %，127 秒。"
                + "卷积层从 1 层增加到 3 层，准确率提高 0.6 个百分点，训练时间为 2.5 倍。", sentences(lenet(0.9890, 80), ZH).get(0));
        assertEquals("lenet-depth-kernel: test accuracy from 97.92 % (1 conv layer of 3×3, 42 s) to 99.10 % (3 conv layers"
                + " of 7×7, 127 s).", SweepAnalysis.brief(lenet(0.9890, 80)).text(EN));
    }

    @Test
    void parameterCountsStandBesideAccuracyAndTimeWhereEveryPointOfTheLineHasOne() {
        List<SweepRecord.Point> points = List.of(
                new SweepRecord.Point("d1-k3", Map.of("depth", 1, "kernel", 3), null, 0.9792, 42, 2_154L),
                new SweepRecord.Point("d1-k5", Map.of("depth", 1, "kernel", 5), null, 0.9830, 45, 3_210L),
                new SweepRecord.Point("d2-k5", Map.of("depth", 2, "kernel", 5), null, 0.9880, 66, null));
        List<String> en = sentences(new ReportInputs.Sweep("s", new SweepRecord(1, "cnn", "cnn-lenet", points, "d1-k5")), EN);

        assertEquals("Kernel size, at depth 1: kernel 3: 97.92 % with 2,154 parameters in 42 s; kernel 5: 98.30 % with"
                + " 3,210 parameters in 45 s. Going from 3×3 to 5×5 kernels gains 0.38 points for 1.1 × the training"
                + " time.", en.get(1));
        // the depth line has a point without its count (a record written before it was kept): none shown
        assertEquals("Depth, at kernel size 5: depth 1: 98.30 % in 45 s; depth 2: 98.80 % in 66 s. Going from 1 to 2 conv"
                + " layers gains 0.5 points for 1.5 × the training time.", en.get(0));
    }

    @Test
    void aFasterPointWithinPointTwoOfTheBestIsTheTradeOff() {
        // two 7×7 layers exactly 0.2 points below the best, in 80 s against 127 s
        assertEquals("Trade-off: 2 conv layers of 7×7 (98.90 %, 80 s) comes within 0.2 points of the best, 3 conv layers"
                + " of 7×7 (99.10 %, 127 s), and cuts the training time by 37 %.", sentences(lenet(0.9890, 80), EN).get(2));
        // 0.21 points below: what the best costs over the fastest
        assertEquals("Trade-off: no faster point comes within 0.2 points of the best, 3 conv layers of 7×7 (99.10 %, 127 s);"
                + " against the fastest, 1 conv layer of 3×3 (97.92 %, 42 s), it gains 1.18 points for 3.0 × the training time.",
                sentences(lenet(0.9889, 80), EN).get(2));
        // as close but not faster is no trade-off either
        assertEquals(Finding.Kind.SWEEP_CNN_COSTS, kinds(lenet(0.9890, 127)).get(2));
    }

    @Test
    void aBestPointThatIsAlsoTheFastestAsksForNoTradeOff() {
        ReportInputs.Sweep sweep = cnn(new double[] {1, 3, 0.99, 40}, new double[] {1, 5, 0.98, 50});
        assertEquals(List.of(Finding.Kind.SWEEP_CNN_KERNEL, Finding.Kind.SWEEP_CNN_NO_TRADE_OFF), kinds(sweep));
        assertEquals("The best point, 1 conv layer of 3×3 (99.00 %, 40 s), is also the fastest: this grid asks for no"
                + " trade-off.", sentences(sweep, EN).get(1));
    }

    @Test
    void anAccuracyChangeBelowHalfAHundredthOfAPointIsNoneAndATimeRatioRoundingToOneIsTheSame() {
        assertEquals("leaves the accuracy as it was", text(SweepAnalysis.change(0.00004)));
        assertEquals("gains 0.01 points", text(SweepAnalysis.change(0.00006)));
        assertEquals("loses 0.01 points", text(SweepAnalysis.change(-0.00006)));
        assertEquals("gains 1 point", text(SweepAnalysis.change(0.01)));
        assertEquals("for 1.1 × the training time", text(SweepAnalysis.time(1.05)));
        assertEquals("in about the same training time", text(SweepAnalysis.time(1.049)));
        assertEquals("in about the same training time", text(SweepAnalysis.time(0.95)));
        assertEquals("and cuts the training time by 5 %", text(SweepAnalysis.time(0.949)));
        assertEquals("9.9", SweepAnalysis.seconds(9.94));
        assertEquals("10", SweepAnalysis.seconds(9.95));
        assertEquals("1,234", SweepAnalysis.seconds(1234.4));
    }

    private static String text(Finding.Phrase p) {
        return Finding.of(Finding.Kind.NONE, null, p).words(EN).get(0).toString();
    }

    @Test
    void anAblationOrAnotherShapeHasNoSweepAnalysis() {
        assertEquals(List.of(), SweepAnalysis.findings(ReportFixtures.ablation()));
        assertNull(SweepAnalysis.brief(ReportFixtures.ablation()));
    }

    @Test
    void theSweepsAreAnsweredInTheirLabsSectionsAndInBriefInTheSummary() {
        ReportView view = ReportViews.build(ReportFixtures.full(Locale.ENGLISH, null));
        ReportView.LabSectionView mlp = view.labs().stream().filter(l -> l.id().equals("lab-mlp")).findFirst().orElseThrow();
        ReportView.LabSectionView lenet = view.labs().stream().filter(l -> l.id().equals("lab-lenet")).findFirst().orElseThrow();

        assertEquals(List.of(Finding.Kind.SWEEP_MLP_RISING, Finding.Kind.SWEEP_MLP_RISING, Finding.Kind.SWEEP_MLP_RISING,
                Finding.Kind.SWEEP_MLP_DEPTH), kinds(ReportFixtures.mlpSweep(12)));
        assertEquals(sentences(ReportFixtures.mlpSweep(12), EN), mlp.analysis());
        assertEquals(sentences(ReportFixtures.cnnSweep(), EN), lenet.analysis());
        assertEquals(List.of(), view.labs().stream().filter(l -> l.id().equals("lab-adder")).findFirst().orElseThrow().analysis());
        String summary = SummaryMarkdown.of(view);
        assertTrue(summary.contains("- " + SweepAnalysis.brief(ReportFixtures.mlpSweep(12)).text(EN) + "\n"), summary);
        assertTrue(summary.contains("- " + SweepAnalysis.brief(ReportFixtures.cnnSweep()).text(EN) + "\n"), summary);
    }
}
