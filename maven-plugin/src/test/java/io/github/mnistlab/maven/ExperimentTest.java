package io.github.mnistlab.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.mnistlab.maven.plan.ExperimentDefinition;
import java.util.List;
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
}
