package io.github.mnistlab.maven;

import java.util.List;

/**
 * One {@code <comparison>}: runs set side by side in {@code target/lab/comparisons/<id>.json}.
 *
 * <pre>{@code
 * <comparison>
 *   <id>adders</id>
 *   <runs>sum-transfer,sum-scratch</runs>
 *   <description>Transfer learning against training from scratch</description>
 * </comparison>
 * }</pre>
 *
 * @since 0.1.0
 */
public class Comparison {
    /** The comparison's name and file name. Required. */
    private String id;
    /** The ids of the runs to compare, comma-separated, at least two. Required. */
    private List<String> runs;
    /** Free text kept in the comparison file. */
    private String description;

    public void setId(String id) {
        this.id = id;
    }

    public void setRuns(List<String> runs) {
        this.runs = runs;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    String id() {
        return id;
    }

    String description() {
        return description;
    }

    /** The run ids, trimmed; the error names the comparison when there are fewer than two. */
    List<String> runIds() {
        List<String> ids = runs == null ? List.of()
                : runs.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a <comparison> has no <id>; give it one, e.g. <id>adders</id>");
        }
        if (ids.size() < 2) {
            throw new IllegalArgumentException("comparison '" + id + "' names " + ids.size() + " run(s) " + ids
                    + "; give at least two, e.g. <runs>sum-transfer,sum-scratch</runs>");
        }
        return ids;
    }
}
