package io.github.mnistlab.maven.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkUnitsTest {
    @Test
    void everyExperimentOnceWithWhatItBuildsOnAndEverySweepPointAlone() {
        ExperimentDefinition transfer = new ExperimentDefinition("sum-transfer", "adder-transfer", null, "digits",
                new com.google.gson.JsonObject());
        ExperimentPlan plan = ExperimentPlan.of(List.of(ExperimentDefinition.of("mlp", "mlp"), transfer,
                ExperimentDefinition.of("digits", "cnn-lenet"), ExperimentDefinition.of("sum-scratch", "adder-scratch")),
                Overrides.NONE, List.of(), id -> id);
        Map<String, List<String>> sweeps = new LinkedHashMap<>();
        sweeps.put("km", List.of("k1-m10", "k1-m20"));

        List<WorkUnits.Unit> units = WorkUnits.of(plan, sweeps);

        assertEquals(List.of("mlp", "digits+sum-transfer", "sum-scratch", "km/k1-m10", "km/k1-m20"),
                units.stream().map(WorkUnits.Unit::name).toList());
        assertEquals(new WorkUnits.Unit("digits+sum-transfer", "lab:train", "digits,sum-transfer", "", "",
                "lab:train -Dlab.experiments=digits,sum-transfer"), units.get(1));
        assertEquals(new WorkUnits.Unit("km/k1-m20", "lab:sweep", "", "km", "k1-m20",
                "lab:sweep -Dlab.sweeps=km -Dlab.sweepPoints=k1-m20"), units.get(4));
    }
}
