package io.github.mnistlab.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a sweep: its run id, its spec and the values that define it (e.g. {@code k=2, m=30}).
 */
public record SweepPoint(String id, ExperimentSpec spec, Map<String, Integer> coordinates) {
    public SweepPoint {
        coordinates = Collections.unmodifiableMap(new LinkedHashMap<>(coordinates)); // in the grid's order
    }
}
