package io.github.mnistlab.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mnistlab.record.EpochRecord;
import io.github.mnistlab.record.RunRecord;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Each analysis rule on its own, on records whose numbers are chosen to meet it or just miss it. */
class AnalysisSentencesTest {
    private static final ReportText EN = ReportText.of(Locale.ENGLISH);

    /** A complete run whose two epochs end with these training and validation errors (best epoch 2). */
    private static RunRecord lastEpoch(String id, double trainError, double validationError) {
        RunRecord r = ReportFixtures.run(id, "mlp", 2, 0.9, 3);
        List<EpochRecord> epochs = List.of(new EpochRecord(1, 0.5, 0.2, 0.6, 0.25, 0.6, 0.25, 1, 10, 0, 0),
                new EpochRecord(2, 0.2, trainError, 0.3, validationError, 0.3, validationError, 1, 20, 0, 0));
        return new RunRecord(r.schemaVersion(), id, r.preset(), r.status(), r.message(), r.spec(), r.provenance(),
                r.parameterCount(), epochs, r.iterationLoss(), 2, 2, r.test(), r.parametersFile(), 0, 0);
    }

    private static List<String> sentences(RunRecord... runs) {
        return AnalysisSentences.of(new ReportInputs("t", Locale.ENGLISH, XAxis.ITERATIONS,
                java.util.Arrays.stream(runs).map(r -> new ReportInputs.Run(r, null)).toList(), List.of(), List.of(),
                null, null, null, null), EN);
    }

    @Test
    void overfittingNeedsAGapOfMoreThanTwoPoints() {
        List<String> wide = sentences(lastEpoch("wide", 0.01, 0.035));
        List<String> narrow = sentences(lastEpoch("narrow", 0.01, 0.029));

        assertTrue(wide.contains("wide shows signs of overfitting: its training error 1.00 % is well below its"
                + " validation error 3.50 % at the last epoch."), wide.toString());
        assertTrue(narrow.stream().noneMatch(s -> s.contains("overfitting")), narrow.toString());
    }

    @Test
    void heldBackStepsAreNamedOnlyForTheRunThatHadThem() {
        RunRecord clean = lastEpoch("clean", 0.01, 0.02);
        RunRecord faulty = ReportFixtures.withStepFaults(lastEpoch("faulty", 0.01, 0.02), 2, 0);

        List<String> all = sentences(clean, faulty);

        assertEquals(1, all.stream().filter(s -> s.contains("training steps had NaN or infinite gradients")).count());
        assertTrue(all.contains("faulty: 2 training steps had NaN or infinite gradients while the loss was finite"
                + " (an engine fault, not a divergence): recomputed and applied 2, skipped 0."), all.toString());
    }

    @Test
    void nothingToAnalyseIsSaidOnce() {
        assertEquals(List.of(EN.get("analysis.none")), sentences());
    }
}
