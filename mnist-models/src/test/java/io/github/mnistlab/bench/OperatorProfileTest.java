package io.github.mnistlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Self times from a trace: nesting by time within a thread, sums over calls. */
class OperatorProfileTest {
    private static String event(String name, String phase, int tid, double ts, double dur) {
        return String.format(java.util.Locale.ROOT,
                "{\"name\": \"%s\", \"ph\": \"%s\", \"ts\": %.3f, \"dur\": %.3f, \"tid\": %d, \"pid\": \"CPU Functions\","
                        + " \"shape\": [[2, 3]], \"args\": {}}", name, phase, ts, dur, tid);
    }

    @Test
    void selfTimeIsDurationMinusTheEventsDirectlyInside() throws Exception {
        // thread 1: linear [0, 100) holds addmm [10, 70), which holds copy_ [20, 30); then addmm again [100, 140)
        // thread 2: a copy_ overlapping thread 1's events in time, not nested in them; one "i" event ignored
        String trace = "[\n" + String.join(",\n",
                event("aten::addmm", "X", 1, 10, 60),
                event("aten::linear", "X", 1, 0, 100),
                event("aten::copy_", "X", 1, 20, 10),
                event("aten::addmm", "X", 1, 100, 40),
                event("aten::copy_", "X", 2, 15, 500),
                event("marker", "i", 1, 50, 0)) + "\n]";

        List<OperatorProfile.OperatorTime> ops = OperatorProfile.summarize(new StringReader(trace));

        assertEquals(List.of(
                new OperatorProfile.OperatorTime("aten::copy_", 2, 0.510),
                new OperatorProfile.OperatorTime("aten::addmm", 2, 0.090),
                new OperatorProfile.OperatorTime("aten::linear", 1, 0.040)), round(ops));
    }

    @Test
    void readsTheObjectFormWithTraceEvents() throws Exception {
        String trace = "{\"traceEvents\": [" + event("aten::mm", "X", 7, 0, 2500) + "], \"displayTimeUnit\": \"ms\"}";
        assertEquals(List.of(new OperatorProfile.OperatorTime("aten::mm", 1, 2.5)),
                round(OperatorProfile.summarize(new StringReader(trace))));
    }

    private static List<OperatorProfile.OperatorTime> round(List<OperatorProfile.OperatorTime> ops) {
        return ops.stream().map(o -> new OperatorProfile.OperatorTime(o.name(), o.calls(),
                Math.round(o.selfMillis() * 1e6) / 1e6)).toList();
    }
}
