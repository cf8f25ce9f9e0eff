package io.github.mnistlab.cli;

import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunRecords;
import io.github.mnistlab.record.RunStatus;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.SweepPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The runs of a sweep's points across directories: a point counts as done when its directory holds
 * a complete run of the same spec, so a sweep can be resumed and its points split over jobs.
 */
final class SweptRuns {
    private SweptRuns() {
    }

    /** The complete run of {@code spec} in {@code dir}, or null (none, another spec, unreadable, diverged). */
    static RunRecord complete(Path dir, ExperimentSpec spec) {
        if (!Files.isRegularFile(dir.resolve(RunRecords.FILE_NAME))) {
            return null;
        }
        try {
            RunRecord r = RunRecords.read(dir);
            return r.status() == RunStatus.COMPLETE && r.test() != null && r.spec().equals(spec) ? r : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Copies {@code point}'s complete run from the first of {@code from} that has one into {@code out}. */
    static boolean copyFrom(List<Path> from, SweepPoint point, Path out, Consumer<String> log) {
        if (from == null) {
            return false;
        }
        for (Path dir : from) {
            Path source = dir.resolve(point.id());
            if (complete(source, point.spec()) != null) {
                copy(source, out.resolve(point.id()));
                log.accept("sweep point " + point.id() + ": taken from " + source);
                return true;
            }
        }
        return false;
    }

    private static void copy(Path source, Path target) {
        try (Stream<Path> walk = Files.walk(source)) {
            // the record last: a copy cut short is not taken for a complete run
            List<Path> files = walk.sorted(Comparator.comparing((Path p) -> p.getFileName().toString()
                    .equals(RunRecords.FILE_NAME)).thenComparing(Comparator.naturalOrder())).toList();
            for (Path file : files) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + source + " to " + target, e);
        }
    }
}
