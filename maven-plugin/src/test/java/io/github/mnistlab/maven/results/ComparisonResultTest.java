package io.github.mnistlab.maven.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonResultTest {
    @Test
    void curvesAccumulateTrainingSecondsAndTheVerdictNamesTheBest() {
        ComparisonResult result = ComparisonResult.of("adders", "transfer vs scratch", List.of(
                RunFixtures.record("sum-scratch", "adder-scratch", 0.88, 30),
                RunFixtures.record("sum-transfer", "adder-transfer", 0.95, 12)));

        assertEquals("sum-transfer", result.best());
        assertEquals("[adders] sum-transfer is best: test error 5.00% after 12.0 s training (100 iterations);"
                + " sum-scratch: 12.00% (+7.00 points) after 30.0 s (100 iterations)", result.verdict());
        ComparisonResult.Entry scratch = result.runs().get(0);
        assertEquals(List.of(15.0, 30.0), scratch.curve().stream().map(ComparisonResult.CurvePoint::seconds).toList());
        assertEquals(List.of(50L, 100L), scratch.curve().stream().map(ComparisonResult.CurvePoint::iterations).toList());
        assertEquals(0.12, scratch.curve().get(1).testError(), 1e-9);

        JsonObject json = JsonParser.parseString(result.toJson()).getAsJsonObject();
        assertEquals("transfer vs scratch", json.get("description").getAsString());
        assertEquals(2, json.getAsJsonArray("runs").size());
        assertTrue(json.getAsJsonArray("runs").get(1).getAsJsonObject().has("iterationLoss"));
    }

    @Test
    void incompleteRunsAreNamedWithTheirStatus() {
        ComparisonResult result = ComparisonResult.of("c", null, List.of(RunFixtures.diverged("a"),
                RunFixtures.record("b", "mlp", 0.9, 5)));
        assertEquals("[c] b is best: test error 10.00% after 5.0 s training (100 iterations); a: diverged",
                result.verdict());
        assertEquals("[c] no run of this comparison completed",
                ComparisonResult.of("c", null, List.of(RunFixtures.diverged("a"))).verdict());
    }
}
