/**
 * What the goals after {@code train} compute from the run records alone: the catalogue of runs
 * (this build's and merged directories), the evaluation summary, comparisons and threshold checks.
 * Plain Java over {@link io.github.mnistlab.record.RunRecord}s; no Maven types.
 */
package io.github.mnistlab.maven.results;
