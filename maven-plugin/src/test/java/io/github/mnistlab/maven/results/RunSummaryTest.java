package io.github.mnistlab.maven.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
    @Test
    void logsTheHeadlineAndOneRowPerClass() {
        List<String> lines = RunSummary.of(RunFixtures.record("digits", "cnn-lenet", 0.9, 12.34)).logLines();

        assertEquals(13, lines.size());
        assertEquals("[digits] cnn-lenet: test accuracy 0.9000 (error 10.00%) on 100 test digits, best epoch 2 of 2,"
                + " 12.3 s training", lines.get(0));
        assertEquals("[digits]   class  precision   recall       F1  support", lines.get(1));
        assertEquals("[digits]       0     0.9000   0.9000   0.9000       10", lines.get(2));
        assertEquals("[digits] macro F1 0.9000", lines.get(12));
    }

    @Test
    void aDivergedRunSaysWhy() {
        assertEquals(List.of("[d] mlp: diverged (loss became NaN at iteration 7), no test evaluation"),
                RunSummary.of(RunFixtures.diverged("d")).logLines());
    }

    @Test
    void jsonHoldsOneSummaryPerRun() {
        String json = RunSummary.toJson(List.of(RunSummary.of(RunFixtures.record("a", "mlp", 0.8, 1)),
                RunSummary.of(RunFixtures.diverged("b"))));
        JsonObject first = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
        assertEquals(0.8, first.get("testAccuracy").getAsDouble(), 1e-9);
        assertEquals(10, first.getAsJsonArray("perClass").size());
    }
}
