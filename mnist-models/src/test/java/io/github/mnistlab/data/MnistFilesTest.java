package io.github.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistFilesTest {
    @TempDir
    Path dir;

    @Test
    void wellFormedFileWithTheWrongContentFailsItsChecksum() throws Exception {
        byte[] labels = new byte[10_000];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) (i % 10);
        }
        byte[] file = IdxFixtures.labels(labels);
        Path path = Files.write(dir.resolve("t10k-labels-idx1-ubyte"), file);

        CorruptMnistFileException e = assertThrows(CorruptMnistFileException.class,
                () -> MnistFiles.verify(path, MnistFile.TEST_LABELS, file));

        assertEquals(path + ": SHA-256 is " + MnistFiles.sha256(file) + ", expected "
                + MnistFile.TEST_LABELS.sha256() + " for the original t10k-labels-idx1-ubyte;"
                + " the file is damaged or not MNIST: delete it and provide the original file", e.getMessage());
    }

    @Test
    void missingFileIsNamedWithTheDirectory() {
        MnistDataException e = assertThrows(MnistDataException.class, () -> MnistFiles.load(dir, "test"));
        assertEquals(dir + " has no train-images-idx3-ubyte (nor train-images-idx3-ubyte.gz);"
                + " put the four MNIST IDX files there", e.getMessage());
    }

    @Test
    void realFilesVerifyRawAndGzipped() throws Exception {
        MnistDataset real = RealMnist.dataset();
        var files = IdxFixtures.originalFiles(real);
        for (MnistFile f : MnistFile.values()) {
            boolean gz = f.kind() == MnistFile.IdxKind.IMAGES;
            Files.write(dir.resolve(gz ? f.gzipName() : f.fileName()), gz ? IdxFixtures.gzip(files.get(f)) : files.get(f));
        }

        MnistDataset loaded = MnistFiles.load(dir, "mixed");

        assertEquals(60_000, loaded.train().count());
        assertEquals(10_000, loaded.test().count());
        assertEquals(MnistFile.TRAIN_IMAGES.sha256(), loaded.sha256().get(MnistFile.TRAIN_IMAGES));
        // The real training set's class balance, as published.
        assertEquals(5923, loaded.train().classCounts()[0]);
        assertEquals(6742, loaded.train().classCounts()[1]);
        assertTrue(loaded.test().classCounts()[5] == 892);
    }
}
