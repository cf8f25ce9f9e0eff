package io.github.mnistlab.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mnistlab.spec.LabJson;
import io.github.mnistlab.spec.SweepPoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepRecordTest {
    @Test
    void eachPointKeepsItsRunsParameterCount() {
        RunRecord run = RunRecordsTest.sample();
        SweepRecord s = SweepRecord.of("cnn", "cnn-lenet",
                List.of(new SweepPoint("cnn-d2-k5", run.spec(), Map.of("depth", 2, "kernel", 5))), List.of(run));

        assertEquals(8490L, s.points().get(0).parameterCount());
        String json = LabJson.gson().toJson(s);
        assertTrue(json.contains("\"parameterCount\": 8490"), json);
        assertEquals(s, LabJson.gson().fromJson(json, SweepRecord.class));
    }

    @Test
    void aRecordWrittenBeforeTheParameterCountStillReads() {
        String old = "{\"schemaVersion\": 2, \"kind\": \"cnn\", \"preset\": \"cnn-lenet\", \"points\": [{\"id\": \"cnn-d1-k3\","
                + " \"coordinates\": {\"depth\": 1, \"kernel\": 3}, \"testAccuracy\": 0.9792, \"trainingSeconds\": 42.0}],"
                + " \"best\": \"cnn-d1-k3\"}";

        SweepRecord.Point p = LabJson.gson().fromJson(old, SweepRecord.class).points().get(0);

        assertNull(p.parameterCount());
        assertEquals(0.9792, p.testAccuracy());
        assertEquals(new SweepRecord.Point("cnn-d1-k3", Map.of("depth", 1, "kernel", 3), null, 0.9792, 42.0), p);
    }
}
