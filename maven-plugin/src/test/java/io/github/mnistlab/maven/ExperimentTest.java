package io.github.mnistlab.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.mnistlab.maven.plan.ExperimentDefinition;
import io.github.mnistlab.maven.plan.SweepDefinition;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.SweepSpec;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExperimentTest {
    @Test
    void onlyTheValuesSetBecomeSpecFields() {
        Experiment e = new Experiment();
        e.setId("small");
        e.setPreset("cnn-small");
        e.setDescription("fewer filters");
        e.setHidden(List.of(256));
        Stage first = new Stage();
        first.setChannels(2);
        first.setKernel(3);
        first.setPadding(1);
        Stage second = new Stage();
        second.setChannels(4);
        second.setKernel(3);
        second.setPool(0);
        e.setStages(List.of(first, second));
        e.setLearningRate(0.001f);
        e.setSeed(7L);
        e.setFreezePretrained(Boolean.FALSE);

        ExperimentDefinition d = e.toDefinition();

        assertEquals("small", d.id());
        assertEquals("cnn-small", d.preset());
        assertEquals("fewer filters", d.description());
        assertEquals("{\"hidden\":[256],\"stages\":[{\"channels\":2,\"kernel\":3,\"padding\":1,\"pool\":2},"
                + "{\"channels\":4,\"kernel\":3,\"padding\":0,\"pool\":0}],\"learningRate\":0.001,\"seed\":7,"
                + "\"freezePretrained\":false}", d.changes().toString());
    }

    @Test
    void aStageWithoutKernelIsNamed() {
        Experiment e = new Experiment();
        e.setId("small");
        Stage stage = new Stage();
        stage.setChannels(2);
        e.setStages(List.of(stage));
        assertEquals("experiment 'small': a <stage> needs <channels> and <kernel>, e.g."
                + " <stage><channels>10</channels><kernel>5</kernel></stage>",
                assertThrows(IllegalArgumentException.class, e::toDefinition).getMessage());
    }

    @Test
    void everyParameterButTheNamedFewIsASpecFieldAndEverySpecFieldAParameter() {
        Set<String> parameters = Arrays.stream(Experiment.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers())).map(Field::getName)
                .filter(name -> !Experiment.NOT_SPEC_FIELDS.contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> specFields = Arrays.stream(ExperimentSpec.class.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> !name.equals("preset") && !name.equals("pretrained"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(specFields, parameters);
    }

    @Test
    void sweepParametersAreTheSweepSpecsFields() {
        Set<String> parameters = Arrays.stream(Sweep.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers())).map(Field::getName).filter(name -> !name.equals("id"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> specFields = Arrays.stream(SweepSpec.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(specFields, parameters);
    }

    @Test
    void aSweepBecomesTheLibrarysSweepSpec() {
        Sweep sweep = new Sweep();
        sweep.setId("dk");
        sweep.setKind("CNN");
        sweep.setDepths(List.of(1, 2));
        sweep.setKernels(List.of(3, 5));
        sweep.setEpochs(2);

        SweepDefinition d = sweep.toDefinition();

        assertEquals("dk", d.id());
        assertEquals(new SweepSpec(SweepSpec.Kind.CNN, null, List.of(), null, List.of(1, 2), List.of(3, 5), 2, null, null),
                d.spec());
        assertEquals(4, d.spec().points().size());
    }
}
