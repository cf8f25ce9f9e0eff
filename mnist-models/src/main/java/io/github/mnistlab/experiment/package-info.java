/**
 * Experiments as data: an immutable {@link io.github.mnistlab.experiment.ExperimentSpec}, the
 * presets of the five labs, sweeps, the runner that trains a spec, and the versioned
 * {@link io.github.mnistlab.experiment.RunRecord} it writes.
 */
package io.github.mnistlab.experiment;
