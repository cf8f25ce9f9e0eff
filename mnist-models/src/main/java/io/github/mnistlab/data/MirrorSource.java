package io.github.mnistlab.data;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An HTTP(S) mirror of the MNIST distribution serving the four {@code .gz} files under one base
 * address, as the standard public mirrors do.
 */
public final class MirrorSource implements MnistSource {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private final URI base;

    /** @param base the directory address; a trailing slash is added when missing */
    public MirrorSource(URI base) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
    }

    public URI base() {
        return base;
    }

    @Override
    public String description() {
        return "mirror " + base;
    }

    @Override
    public void download(Path dir) throws IOException, InterruptedException {
        for (MnistFile f : MnistFile.values()) {
            URI uri = base.resolve(f.gzipName());
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build();
            Path target = dir.resolve(f.gzipName());
            HttpResponse<Path> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofFile(target));
            if (response.statusCode() != 200) {
                Files.deleteIfExists(target);
                throw new IOException("HTTP " + response.statusCode() + " for " + uri);
            }
        }
    }
}
