package io.github.mnistlab.maven;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A comma-separated selection of ids ({@code lab.experiments}, {@code lab.sweeps}), trimmed; empty
 * selects everything.
 *
 * @param ids the selected ids, empty for all
 */
record Selection(Set<String> ids) {
    static Selection of(List<String> values) {
        Set<String> ids = new LinkedHashSet<>();
        if (values != null) {
            values.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(ids::add);
        }
        return new Selection(Collections.unmodifiableSet(ids));
    }

    /** Whether a selection was made and {@code id} is not in it. */
    boolean leftOut(String id) {
        return !ids.isEmpty() && !ids.contains(id);
    }
}
