package io.github.mnistlab.maven.results;

import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The runs a build can see: those under {@code target/lab/runs} plus those of extra directories
 * ({@code runDirectories}), e.g. the runs other CI jobs trained. Each directory is either one run
 * directory (it holds {@code run.json}) or a directory of run directories.
 */
public final class RunCatalog {
    private final Map<String, CatalogedRun> runs;

    private RunCatalog(Map<String, CatalogedRun> runs) {
        this.runs = runs;
    }

    /**
     * Reads every run record of {@code runsDirectory} (which may not exist yet) and of {@code extra}.
     * When two directories hold a run of the same id, the first one read wins and {@code warn} is told.
     *
     * @throws IllegalArgumentException when an extra directory does not exist or a record is unreadable
     */
    public static RunCatalog scan(Path runsDirectory, List<Path> extra, Consumer<String> warn) {
        Map<String, CatalogedRun> runs = new LinkedHashMap<>();
        List<Path> roots = new ArrayList<>();
        if (Files.isDirectory(runsDirectory)) {
            roots.add(runsDirectory);
        }
        for (Path dir : extra) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("run directory " + dir + " (runDirectories) does not exist; give"
                        + " directories that hold run.json files or run directories");
            }
            roots.add(dir);
        }
        for (Path root : roots) {
            for (Path runDir : runDirectories(root)) {
                RunRecord record = RunRecords.read(runDir);
                CatalogedRun first = runs.putIfAbsent(record.id(), new CatalogedRun(runDir, record));
                if (first != null) {
                    warn.accept("run '" + record.id() + "' is in both " + first.directory() + " and " + runDir
                            + "; using " + first.directory());
                }
            }
        }
        return new RunCatalog(runs);
    }

    private static List<Path> runDirectories(Path root) {
        if (Files.isRegularFile(root.resolve(RunRecords.FILE_NAME))) {
            return List.of(root);
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(d -> Files.isRegularFile(d.resolve(RunRecords.FILE_NAME)))
                    .sorted(Comparator.comparing(Path::getFileName)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + root, e);
        }
    }

    public boolean isEmpty() {
        return runs.isEmpty();
    }

    public Optional<CatalogedRun> get(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** The ids, in the order they were read. */
    public Collection<String> ids() {
        return runs.keySet();
    }

    /** Every run: first those named in {@code preferred} (the POM's experiment order), then the others by id. */
    public List<CatalogedRun> runs(List<String> preferred) {
        List<CatalogedRun> ordered = new ArrayList<>();
        preferred.stream().map(runs::get).filter(r -> r != null && !ordered.contains(r)).forEach(ordered::add);
        runs.values().stream().filter(r -> !ordered.contains(r)).sorted(Comparator.comparing(CatalogedRun::id))
                .forEach(ordered::add);
        return ordered;
    }
}
