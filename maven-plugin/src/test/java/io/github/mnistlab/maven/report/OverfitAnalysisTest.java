package io.github.mnistlab.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.mnistlab.record.EpochRecord;
import io.github.mnistlab.record.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The small CNN's over-fitting rule and best-epoch cost on curves chosen to meet it or just miss it. */
class OverfitAnalysisTest {
    private static final ReportText EN = ReportText.of(Locale.ENGLISH);
    private static final ReportText ZH = ReportText.of(Locale.SIMPLIFIED_CHINESE);

    /** A cnn-small run from {@code {train error, validation error, seconds}} per epoch; the best epoch given. */
    private static RunRecord curves(int bestEpoch, double[]... epochs) {
        RunRecord r = ReportFixtures.run("cnn", "cnn-small", 2, 0.97, 5);
        List<EpochRecord> records = new ArrayList<>();
        for (int i = 0; i < epochs.length; i++) {
            double[] e = epochs[i];
            records.add(new EpochRecord(i + 1, 2 * e[0], e[0], 2 * e[1], e[1], 2 * e[1], e[1], e[2], 100L * (i + 1), 0, 0));
        }
        return new RunRecord(r.schemaVersion(), r.id(), r.preset(), r.status(), r.message(), r.spec(), r.provenance(),
                r.parameterCount(), records, r.iterationLoss(), bestEpoch, 30, r.test(), r.parametersFile(), 0, 0, List.of(),
                null);
    }

    private static List<String> sentences(RunRecord r, ReportText t) {
        return OverfitAnalysis.findings(r).stream().map(f -> f.text(t)).toList();
    }

    @Test
    void overFitsFromTheFirstEpochThreeTenthsOfAPointAboveTheLowestWhileTrainingFalls() {
        // epoch 3: validation 0.30 points above its lowest (epoch 2), training still falling: meets the rule
        RunRecord meets = curves(2, new double[] {0.05, 0.06, 10}, new double[] {0.03, 0.04, 10},
                new double[] {0.02, 0.043, 10}, new double[] {0.01, 0.05, 10});
        assertEquals(List.of("cnn over-fits from epoch 3: its validation error, 4.30 %, is 0.30 points above its lowest"
                + " (4.00 % at epoch 2) while its training error has kept falling (3.00 % → 2.00 %); the gap between"
                + " validation and training error goes from 1.00 points at epoch 1 to 4.00 points at epoch 4.",
                "cnn: its best epoch is 2 of 4 (4.00 % validation error); the 2 epochs after it took 20 s of the 40 s of"
                + " training (50 %), and the validation error ended at 5.00 %."), sentences(meets, EN));
        assertEquals("cnn 从第 3 轮起过拟合：验证误差为 4.30 %，比最低值（第 2 轮的 4.00 %）高 0.30 个百分点，而训练误差仍在下降"
                + "（3.00 % → 2.00 %）；验证误差与训练误差之差从第 1 轮的 1.00 个百分点变为第 4 轮的 4.00 个百分点。",
                sentences(meets, ZH).get(0));
        assertEquals("cnn: over-fits from epoch 3; best epoch 2 of 4, the 2 epochs after it took 20 s.",
                OverfitAnalysis.brief(meets).text(EN));

        // 0.29 points at epoch 3: not yet; epoch 4 meets it
        RunRecord later = curves(2, new double[] {0.05, 0.06, 10}, new double[] {0.03, 0.04, 10},
                new double[] {0.02, 0.0429, 10}, new double[] {0.01, 0.05, 10});
        assertEquals(4, OverfitAnalysis.overfitsFrom(later.epochs(), later.epochs().get(1)).epoch());

        // 0.29 points at the last epoch: no over-fitting
        RunRecord misses = curves(2, new double[] {0.05, 0.06, 10}, new double[] {0.03, 0.04, 10},
                new double[] {0.02, 0.0429, 10});
        assertEquals(Finding.Kind.OVERFIT_NONE, OverfitAnalysis.findings(misses).get(0).kind());
        assertEquals("cnn does not over-fit in its 3 epochs (over-fitting: validation error 0.30 points or more above its"
                + " lowest while training error falls): after its lowest, 4.00 % at epoch 2, validation error rises at most"
                + " 0.29 points; the gap between validation and training error goes from 1.00 points at epoch 1 to 2.29"
                + " points at the last.", sentences(misses, EN).get(0));
    }

    @Test
    void validationRisingWhileTrainingDoesNotFallIsNotOverFitting() {
        // training error at epoch 3 equals the best epoch's: validation rose, but not because training went on fitting
        RunRecord flat = curves(2, new double[] {0.05, 0.06, 10}, new double[] {0.03, 0.04, 10},
                new double[] {0.03, 0.05, 10});
        assertNull(OverfitAnalysis.overfitsFrom(flat.epochs(), flat.epochs().get(1)));
        RunRecord falling = curves(2, new double[] {0.05, 0.06, 10}, new double[] {0.03, 0.04, 10},
                new double[] {0.0299, 0.05, 10});
        assertEquals(3, OverfitAnalysis.overfitsFrom(falling.epochs(), falling.epochs().get(1)).epoch());
    }

    @Test
    void aBestLastEpochSaysMoreEpochsMightHelp() {
        RunRecord last = curves(2, new double[] {0.05, 0.06, 4.5}, new double[] {0.03, 0.04, 4.5});
        assertEquals(List.of(Finding.Kind.OVERFIT_NONE, Finding.Kind.BEST_LAST),
                OverfitAnalysis.findings(last).stream().map(Finding::kind).toList());
        assertEquals("cnn: its best epoch is its last, 2 of 2 (4.00 % validation error), so more epochs might lower it"
                + " further.", sentences(last, EN).get(1));
        assertEquals("cnn: no over-fitting in 2 epochs; best epoch 2, it is the last.", OverfitAnalysis.brief(last).text(EN));
        assertEquals("cnn：2 轮中没有过拟合；最佳轮次第 2 轮，即最后一轮。", OverfitAnalysis.brief(last).text(ZH));
    }

    @Test
    void aRunWithoutValidationErrorsGetsNoFinding() {
        RunRecord r = curves(1, new double[] {0.05, 0.06, 10});
        List<EpochRecord> noValidation = List.of(new EpochRecord(1, 0.1, 0.05, null, null, 0.1, 0.05, 10, 100, 0, 0));
        RunRecord none = new RunRecord(r.schemaVersion(), r.id(), r.preset(), r.status(), r.message(), r.spec(),
                r.provenance(), r.parameterCount(), noValidation, r.iterationLoss(), 1, 10, r.test(), r.parametersFile(), 0,
                0, List.of(), null);
        assertEquals(List.of(), OverfitAnalysis.findings(none));
        assertNull(OverfitAnalysis.brief(none));
    }
}
