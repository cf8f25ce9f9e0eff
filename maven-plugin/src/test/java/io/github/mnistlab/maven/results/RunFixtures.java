package io.github.mnistlab.maven.results;

import io.github.mnistlab.eval.Evaluation;
import io.github.mnistlab.record.EpochRecord;
import io.github.mnistlab.record.LossSeries;
import io.github.mnistlab.record.Provenance;
import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunRecords;
import io.github.mnistlab.record.RunStatus;
import io.github.mnistlab.spec.Presets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Small run records for tests: a two-epoch run whose test accuracy and training time are chosen. */
public final class RunFixtures {
    private RunFixtures() {
    }

    /**
     * A complete run of {@code preset} with exactly {@code accuracy} on a 100-sample test set (to
     * two decimals) and {@code seconds} of training over two epochs.
     */
    public static RunRecord record(String id, String preset, double accuracy, double seconds) {
        int correct = (int) Math.round(accuracy * 100);
        int[] actual = new int[100];
        int[] predicted = new int[100];
        for (int i = 0; i < 100; i++) {
            actual[i] = i % 10;
            predicted[i] = i < correct ? i % 10 : (i + 1) % 10;
        }
        Evaluation test = Evaluation.of(10, actual, predicted, null, 0.3, 5);
        Provenance provenance = new Provenance(42, "dev", "0.35.1", "PyTorch 2.7.1", "cpu()", 2, 2, "17", "Linux amd64",
                "cache /x", Map.of("t10k-labels-idx1-ubyte", "ff7b"), "2026-11-23T06:00:00Z", "zero");
        List<EpochRecord> epochs = List.of(new EpochRecord(1, 0.9, 0.3, null, null, 0.5, 0.2, seconds / 2, 50, 0, 0),
                new EpochRecord(2, 0.4, 0.1, null, null, 0.35, 1 - accuracy, seconds / 2, 100, 0, 0));
        return new RunRecord(RunRecord.SCHEMA_VERSION, id, preset, RunStatus.COMPLETE, null,
                Presets.get(preset).toBuilder().epochs(2).build(), provenance, 1000, epochs,
                new LossSeries(25, List.of(2.3f, 1.0f, 0.6f, 0.4f)), 2, seconds, test, "model.params", 0, 0, List.of(), null);
    }

    /** A run that diverged in its first epoch: no test evaluation. */
    public static RunRecord diverged(String id) {
        RunRecord r = record(id, "mlp", 0.1, 1);
        return new RunRecord(r.schemaVersion(), id, r.preset(), RunStatus.DIVERGED, "loss became NaN at iteration 7",
                r.spec(), r.provenance(), r.parameterCount(), List.of(), r.iterationLoss(), 0, 0.5, null, null,
                0, 0, List.of(), null);
    }

    /** Writes {@code record} into {@code dir/run.json}. */
    public static Path write(Path dir, RunRecord record) {
        try {
            RunRecords.write(dir, record);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
