package io.github.mnistlab.experiment;

import io.github.mnistlab.data.MnistFiles;
import java.nio.charset.StandardCharsets;

/**
 * The hash that decides whether a run is up to date: the spec, the data's checksums and the
 * library version. Timings, device and start time are deliberately left out.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(ExperimentSpec spec, Provenance provenance) {
        String text = RunRecords.gson().toJson(spec) + "\n" + provenance.dataSha256() + "\n" + provenance.library();
        return MnistFiles.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
