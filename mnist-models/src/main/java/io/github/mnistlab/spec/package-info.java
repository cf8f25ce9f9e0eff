/**
 * What to train, as data and free of any engine: the immutable
 * {@link io.github.mnistlab.spec.ExperimentSpec} and its validation (the conv geometry included, see
 * {@link io.github.mnistlab.spec.ConvStage#featureCount}), the five labs' {@link io.github.mnistlab.spec.Presets},
 * sweeps ({@link io.github.mnistlab.spec.Sweeps}), the enums a POM or spec file names, and spec files.
 * The Maven plugin validates specs in Maven's own JVM with this package alone.
 */
package io.github.mnistlab.spec;
