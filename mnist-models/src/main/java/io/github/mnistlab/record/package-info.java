/**
 * What a run leaves behind: the versioned {@link io.github.mnistlab.record.RunRecord} (spec, epochs,
 * evaluation, provenance, status) and {@link io.github.mnistlab.record.SweepRecord}, read and written
 * by {@link io.github.mnistlab.record.RunRecords}. Engine-free, so the plugin's report reads them.
 */
package io.github.mnistlab.record;
