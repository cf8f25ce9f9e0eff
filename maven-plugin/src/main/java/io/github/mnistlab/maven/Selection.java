package io.github.mnistlab.maven;

import java.util.List;
import java.util.Set;
import java.util.LinkedHashSet;

/** The {@code lab.experiments} selection: ids, trimmed; empty when every experiment is selected. */
final class Selection {
    private Selection() {
    }

    static Set<String> of(List<String> ids) {
        Set<String> selected = new LinkedHashSet<>();
        if (ids != null) {
            ids.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(selected::add);
        }
        return selected;
    }
}
