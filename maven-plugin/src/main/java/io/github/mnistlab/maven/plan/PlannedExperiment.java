package io.github.mnistlab.maven.plan;

import io.github.mnistlab.spec.ExperimentSpec;

/**
 * An experiment ready to train: its definition and the checked spec the trainer will receive.
 *
 * @param definition   as declared in the POM
 * @param spec         the full, validated spec
 * @param neededOnly   true when the experiment was not selected but a selected one reuses its run
 */
public record PlannedExperiment(ExperimentDefinition definition, ExperimentSpec spec, boolean neededOnly) {
    public String id() {
        return definition.id();
    }

    /** The spec file's content ({@code target/lab/specs/<id>.json}). */
    public String specJson() {
        return SpecMapping.toJson(spec);
    }
}
