package io.github.mnistlab.maven.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.mnistlab.spec.ModelKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExperimentPlanTest {
    private static ExperimentDefinition transfer(String id, String pretrained) {
        return new ExperimentDefinition(id, "adder-transfer", null, pretrained, null);
    }

    private static ExperimentDefinition with(String id, String preset, String field, Number value) {
        JsonObject changes = new JsonObject();
        changes.addProperty(field, value);
        return new ExperimentDefinition(id, preset, null, null, changes);
    }

    private static ExperimentPlan plan(List<ExperimentDefinition> definitions, Set<String> selection) {
        return ExperimentPlan.of(definitions, Overrides.NONE, selection, id -> "target/lab/runs/" + id);
    }

    private static String failure(List<ExperimentDefinition> definitions) {
        return assertThrows(IllegalArgumentException.class, () -> plan(definitions, Set.of())).getMessage();
    }

    @Test
    void reusedRunTrainsFirstWhateverTheDeclarationOrder() {
        ExperimentPlan plan = plan(List.of(transfer("sum-transfer", "digits"), ExperimentDefinition.of("sum-scratch",
                "adder-scratch"), ExperimentDefinition.of("digits", "cnn-lenet")), Set.of());

        assertEquals(List.of("digits", "sum-transfer", "sum-scratch"),
                plan.experiments().stream().map(PlannedExperiment::id).toList());
        assertEquals("target/lab/runs/digits", plan.experiments().get(1).spec().pretrained());
        assertEquals(ModelKind.ADDER_TRANSFER, plan.experiments().get(1).spec().model());
    }

    @Test
    void unknownPretrainedIdFailsNamingTheKnownIds() {
        assertEquals("experiment 'sum-transfer': pretrained 'digitz' is not an experiment id; known ids: digits,"
                + " sum-transfer", failure(List.of(ExperimentDefinition.of("digits", "cnn-lenet"),
                        transfer("sum-transfer", "digitz"))));
    }

    @Test
    void unknownPresetFailsListingThePresets() {
        assertEquals("experiment 'digits': preset 'cnn-lenett' is not known; use one of mlp, mlp-scratch, cnn-small,"
                + " cnn-lenet, cnn-wide, adder-transfer, adder-scratch,"
                + " mlp-plus, cnn-plus, adder-transfer-plus, adder-scratch-plus",
                failure(List.of(ExperimentDefinition.of("digits", "cnn-lenett"))));
    }

    @Test
    void invalidValueFailsNamingItBeforeAnythingIsPlanned() {
        assertEquals("experiment 'bad-rate': learningRate is 0.0, expected a number > 0, e.g. 0.01",
                failure(List.of(ExperimentDefinition.of("good", "mlp"), with("bad-rate", "mlp", "learningRate", 0))));
    }

    @Test
    void missingPresetAndDuplicateIdsAreNamed() {
        assertEquals("experiment 'x' names no preset; add <preset> with one of mlp, mlp-scratch, cnn-small, cnn-lenet,"
                + " cnn-wide, adder-transfer, adder-scratch,"
                + " mlp-plus, cnn-plus, adder-transfer-plus, adder-scratch-plus", failure(List.of(ExperimentDefinition.of("x", null))));
        assertEquals("experiment id 'x' is declared twice; ids must be unique",
                failure(List.of(ExperimentDefinition.of("x", "mlp"), ExperimentDefinition.of("x", "cnn-lenet"))));
        assertEquals("experiment id 'my digits' is not usable: give each <experiment> an <id> of letters, digits,"
                + " '.', '_' or '-' (it names a directory)", failure(List.of(ExperimentDefinition.of("my digits", "mlp"))));
    }

    @Test
    void transferAdderWithoutPretrainedSaysWhatItNeeds() {
        assertEquals("experiment 'sum': the transfer adder needs 'pretrained': the run directory (or, in the plugin,"
                + " the experiment id) of a trained digit classifier", failure(List.of(transfer("sum", null))));
    }

    @Test
    void pretrainedMustBeADigitClassifierAndOnlyATransferAdderReusesOne() {
        assertEquals("experiment 'sum': pretrained 'other' trains model adder-scratch, not a digit classifier; reuse an"
                + " experiment of preset cnn-lenet, cnn-small, cnn-wide or mlp",
                failure(List.of(ExperimentDefinition.of("other", "adder-scratch"), transfer("sum", "other"))));
        assertEquals("experiment 'cnn': pretrained 'digits' is set, but only model adder-transfer reuses a trained"
                + " run; this experiment's model is cnn. Remove <pretrained> or use preset adder-transfer",
                failure(List.of(ExperimentDefinition.of("digits", "cnn-lenet"),
                        new ExperimentDefinition("cnn", "cnn-small", null, "digits", null))));
    }

    @Test
    void selectionKeepsTheSelectedAndTheRunsTheyReuse() {
        List<ExperimentDefinition> all = List.of(ExperimentDefinition.of("digits", "cnn-lenet"),
                transfer("sum-transfer", "digits"), ExperimentDefinition.of("sum-scratch", "adder-scratch"));

        List<PlannedExperiment> planned = plan(all, Set.of("sum-transfer")).experiments();

        assertEquals(List.of("digits", "sum-transfer"), planned.stream().map(PlannedExperiment::id).toList());
        assertTrue(planned.get(0).neededOnly(), "digits is trained only because sum-transfer reuses it");
        assertFalse(planned.get(1).neededOnly());
        assertEquals(List.of("sum-scratch"), plan(all, Set.of("sum-scratch")).experiments().stream()
                .map(PlannedExperiment::id).toList());
    }

    @Test
    void unknownSelectedIdFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plan(List.of(ExperimentDefinition.of("digits", "cnn-lenet")), Set.of("digit")));
        assertEquals("lab.experiments names 'digit', which is not an experiment id; known ids: digits", e.getMessage());
    }
}
