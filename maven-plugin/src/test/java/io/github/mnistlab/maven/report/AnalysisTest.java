package io.github.mnistlab.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mnistlab.record.EpochRecord;
import io.github.mnistlab.record.RunRecord;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Each analysis rule on its own, on records whose numbers are chosen to meet it or just miss it. */
class AnalysisTest {
    private static final ReportText EN = ReportText.of(Locale.ENGLISH);

    /** A complete run whose two epochs end with these training and validation errors (best epoch 2). */
    private static RunRecord lastEpoch(String id, double trainError, double validationError) {
        RunRecord r = ReportFixtures.run(id, "mlp", 2, 0.9, 3);
        List<EpochRecord> epochs = List.of(new EpochRecord(1, 0.5, 0.2, 0.6, 0.25, 0.6, 0.25, 1, 10, 0, 0),
                new EpochRecord(2, 0.2, trainError, 0.3, validationError, 0.3, validationError, 1, 20, 0, 0));
        return new RunRecord(r.schemaVersion(), id, r.preset(), r.status(), r.message(), r.spec(), r.provenance(),
                r.parameterCount(), epochs, r.iterationLoss(), 2, 2, r.test(), r.parametersFile(), 0, 0, List.of(), null);
    }

    private static ReportInputs inputs(RunRecord... runs) {
        return new ReportInputs("t", Locale.ENGLISH, XAxis.ITERATIONS,
                java.util.Arrays.stream(runs).map(r -> new ReportInputs.Run(r, null, null)).toList(), List.of(), List.of(),
                null, null, null, null);
    }

    private static List<String> sentences(RunRecord... runs) {
        return Analysis.sentences(inputs(runs), EN);
    }

    /** The kinds of finding about {@code subject}, in order. */
    private static List<Finding.Kind> kinds(String subject, RunRecord... runs) {
        return Analysis.findings(inputs(runs)).stream().filter(f -> subject.equals(f.subject())).map(Finding::kind).toList();
    }

    @Test
    void overfittingNeedsAGapOfMoreThanTwoPoints() {
        assertEquals(List.of(Finding.Kind.REACHED, Finding.Kind.OVERFIT), kinds("wide", lastEpoch("wide", 0.01, 0.035)));
        assertEquals(List.of(Finding.Kind.REACHED), kinds("narrow", lastEpoch("narrow", 0.01, 0.029)));

        List<String> wide = sentences(lastEpoch("wide", 0.01, 0.035));
        List<String> narrow = sentences(lastEpoch("narrow", 0.01, 0.029));

        assertTrue(wide.contains("wide shows signs of overfitting: its training error 1.00 % is well below its"
                + " validation error 3.50 % at the last epoch."), wide.toString());
        assertTrue(narrow.stream().noneMatch(s -> s.contains("overfitting")), narrow.toString());
    }

    @Test
    void heldBackStepsAreNamedByKindOnlyForTheRunThatHadThem() {
        RunRecord clean = lastEpoch("clean", 0.01, 0.02);
        RunRecord faulty = ReportFixtures.withStepEvents(lastEpoch("faulty", 0.01, 0.02),
                ReportFixtures.gradientSpike(349), ReportFixtures.gradientSpike(926));

        assertEquals(List.of(Finding.Kind.REACHED), kinds("clean", clean, faulty));
        assertEquals(List.of(Finding.Kind.REACHED, Finding.Kind.STEP_EVENTS), kinds("faulty", clean, faulty));
        List<String> all = sentences(clean, faulty);

        assertEquals(1, all.stream().filter(s -> s.contains("step check set")).count());
        // two finite gradient spikes are not called NaN gradients
        assertTrue(all.contains("faulty: the step check set 2 training steps aside and computed each once more"
                + " (0 with a NaN or infinite gradient, 0 loss spikes, 2 gradient spikes over a thousand times their"
                + " recent norm): 2 were then in line and applied, 0 skipped."), all.toString());
    }

    @Test
    void aRecordWithoutKindsGivesItsTotals() {
        RunRecord r = lastEpoch("old", 0.01, 0.02);
        RunRecord old = new RunRecord(r.schemaVersion(), r.id(), r.preset(), r.status(), r.message(), r.spec(),
                r.provenance(), r.parameterCount(), r.epochs(), r.iterationLoss(), r.bestEpoch(), r.trainingSeconds(),
                r.test(), r.parametersFile(), 1, 1, null, null);

        assertTrue(sentences(old).contains("old: the step check set 2 training steps aside and computed each once more"
                + " (a record without their kinds): 1 were then in line and applied, 1 skipped."), sentences(old).toString());
    }

    @Test
    void nothingToAnalyseIsSaidOnce() {
        assertEquals(List.of(Finding.of(Finding.Kind.NONE, null)), Analysis.findings(inputs()));
        assertEquals(List.of(EN.get("analysis.none")), sentences());
    }

    @Test
    void anImprovedRunIsComparedWithARunOfItsLabsPreset() {
        RunRecord lab = ReportFixtures.run("digits", "cnn-lenet", 3, 0.9, 4);
        RunRecord plus = ReportFixtures.run("digits-plus", "cnn-plus", 3, 0.97, 5);
        RunRecord other = ReportFixtures.run("mlp", "mlp", 3, 0.9, 6);

        assertEquals(List.of(Finding.Kind.REACHED, Finding.Kind.IMPROVED), kinds("digits-plus", lab, plus, other));
        assertEquals(List.of(Finding.Kind.REACHED), kinds("digits-plus", plus, other)); // no run of cnn-lenet
        String sentence = sentences(lab, plus).stream().filter(x -> x.startsWith("digits-plus (cnn-plus")).findFirst()
                .orElseThrow();
        String gain = String.format(Locale.ROOT, "%+.2f", 100 * (plus.test().accuracy() - lab.test().accuracy()));
        assertEquals("digits-plus (cnn-plus, the improved spec) reaches a test accuracy of "
                + ReportNumbers.percent(plus.test().accuracy()) + " against " + ReportNumbers.percent(lab.test().accuracy())
                + " of digits (cnn-lenet, the lab spec), a difference of " + gain + " points: it cuts the errors by "
                + Math.round(100 * (1 - plus.test().error() / lab.test().error())) + " %, in "
                + ReportNumbers.fixed(plus.trainingSeconds(), 1) + " s of training against "
                + ReportNumbers.fixed(lab.trainingSeconds(), 1) + " s.", sentence);
        assertTrue(plus.test().accuracy() > lab.test().accuracy(), "the fixture's improved run is better");
    }

    /** The sentence part that compares {@code error} with {@code reference}, in English and Chinese. */
    private static List<String> errorChange(double error, double reference) {
        Finding f = Finding.of(Finding.Kind.NONE, null, Analysis.errorChange(error, reference));
        return List.of(f.words(EN).get(0).toString(), f.words(ReportText.of(Locale.SIMPLIFIED_CHINESE)).get(0).toString());
    }

    @Test
    void fewerErrorsAreACutInWholePerCentFromOnePerCent() {
        assertEquals(List.of("cuts the errors by 70 %", "错误数减少 70 %"), errorChange(0.015, 0.05));
        assertEquals(List.of("cuts the errors by 1 %", "错误数减少 1 %"), errorChange(0.0494, 0.05)); // 1.2 % fewer
        assertEquals(List.of("makes about as many errors", "错误数与后者相当"), errorChange(0.0498, 0.05)); // 0.4 % fewer
        assertEquals(List.of("cuts the errors by 100 %", "错误数减少 100 %"), errorChange(0, 0.05));
    }

    @Test
    void moreErrorsAreATimesRoundedToOneDecimalFromOnePointOne() {
        assertEquals(List.of("makes 2.6 × as many errors", "错误数是后者的 2.6 倍"), errorChange(0.052536, 0.02)); // 262.68 %
        assertEquals(List.of("makes 1.1 × as many errors", "错误数是后者的 1.1 倍"), errorChange(0.0212, 0.02)); // 1.06
        assertEquals(List.of("makes about as many errors", "错误数与后者相当"), errorChange(0.0208, 0.02)); // 1.04
        assertEquals(List.of("makes 26 × as many errors", "错误数是后者的 26 倍"), errorChange(0.52, 0.02));
        assertEquals("9.9", ReportNumbers.times(9.94));
        assertEquals("10", ReportNumbers.times(9.95));
    }

    @Test
    void aReferenceWithoutErrorsIsSaidInWords() {
        assertEquals("makes errors where the lab spec made none", errorChange(0.01, 0).get(0));
        assertEquals("makes about as many errors", errorChange(0, 0).get(0));
    }

    @Test
    void theScratchMlpsTimeIsATimesToOneDecimalFromOnePointOneElseAboutAsFast() {
        ReportText zh = ReportText.of(Locale.SIMPLIFIED_CHINESE);
        assertEquals("took 2.6 × its training time", ReportViews.speed(EN, 2.6268)); // was "2.63 times"
        assertEquals("手写版本的训练时间是框架版本的 2.6 倍", ReportViews.speed(zh, 2.6268));
        assertEquals("took 1.1 × its training time", ReportViews.speed(EN, 1.05)); // rounds to 1.1: meets
        assertEquals("trained about as fast", ReportViews.speed(EN, 1.049)); // rounds to 1.0: misses
        assertEquals("两者的训练速度大致相同", ReportViews.speed(zh, 1.049));
        assertEquals("trained about as fast", ReportViews.speed(EN, 1 / 1.049));
        assertEquals("trained 1.1 × as fast", ReportViews.speed(EN, 1 / 1.05));
        assertEquals("took 12 × its training time", ReportViews.speed(EN, 12.3));
    }

    @Test
    void aSmallCnnRunsCurvesAreLeftToItsLabSection() {
        RunRecord mlp = lastEpoch("small", 0.01, 0.035);
        RunRecord small = new RunRecord(mlp.schemaVersion(), mlp.id(), "cnn-small", mlp.status(), mlp.message(), mlp.spec(),
                mlp.provenance(), mlp.parameterCount(), mlp.epochs(), mlp.iterationLoss(), 1, 2, mlp.test(),
                mlp.parametersFile(), 0, 0, List.of(), null);
        // the same curves as an MLP run give OVERFIT and (best epoch 1 of 2) EARLY_BEST; as a small CNN run neither
        assertEquals(List.of(Finding.Kind.REACHED), kinds("small", small));
        assertEquals(Finding.Kind.OVERFIT_NONE, OverfitAnalysis.findings(small).get(0).kind());
    }
}
