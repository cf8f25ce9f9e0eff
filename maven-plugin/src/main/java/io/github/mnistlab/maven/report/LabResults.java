package io.github.mnistlab.maven.report;

import io.github.mnistlab.maven.results.ComparisonResult;
import io.github.mnistlab.maven.results.LabLayout;
import io.github.mnistlab.record.SweepRecord;
import io.github.mnistlab.spec.LabJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads what the {@code compare} and {@code sweep} goals left in the lab directory:
 * {@code comparisons/<id>.json} and {@code sweeps/<id>/sweep.json}. Missing directories mean none.
 */
public final class LabResults {
    private LabResults() {
    }

    /** The comparisons of the lab directory, by id. */
    public static List<ComparisonResult> comparisons(LabLayout lab) {
        List<ComparisonResult> out = new ArrayList<>();
        for (Path file : list(lab.comparisons())) {
            if (file.getFileName().toString().endsWith(".json")) {
                out.add(parse(file, ComparisonResult.class));
            }
        }
        return out;
    }

    /** The sweeps of the lab directory, by id. */
    public static List<ReportInputs.Sweep> sweeps(LabLayout lab) {
        List<ReportInputs.Sweep> out = new ArrayList<>();
        for (Path dir : list(lab.sweeps())) {
            String id = dir.getFileName().toString();
            Path file = lab.sweepRecord(id);
            if (Files.isRegularFile(file)) {
                out.add(new ReportInputs.Sweep(id, parse(file, SweepRecord.class)));
            }
        }
        return out;
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.sorted(Comparator.comparing(Path::getFileName)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir, e);
        }
    }

    private static <T> T parse(Path file, Class<T> type) {
        T value;
        try {
            value = LabJson.gson().fromJson(Files.readString(file, StandardCharsets.UTF_8), type);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " could not be read as " + type.getSimpleName() + " ("
                    + e.getMessage() + "); delete it and run its goal again", e);
        }
        if (value == null) {
            throw new IllegalArgumentException(file + " is empty; run its goal again");
        }
        return value;
    }
}
