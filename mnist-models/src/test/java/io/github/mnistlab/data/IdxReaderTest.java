package io.github.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsValidRawAndGzippedFilesAlike() throws Exception {
        DigitImages digits = IdxFixtures.digits(25);
        Path rawImages = Files.write(dir.resolve("img"), IdxFixtures.images(digits.pixels()));
        Path rawLabels = Files.write(dir.resolve("lbl"), IdxFixtures.labels(digits.labels()));
        Path gzImages = Files.write(dir.resolve("img.gz"), IdxFixtures.gzip(IdxFixtures.images(digits.pixels())));
        Path gzLabels = Files.write(dir.resolve("lbl.gz"), IdxFixtures.gzip(IdxFixtures.labels(digits.labels())));

        DigitImages raw = IdxReader.readDigits(rawImages, rawLabels);
        DigitImages gz = IdxReader.readDigits(gzImages, gzLabels);

        assertEquals(25, raw.count());
        assertArrayEquals(digits.pixels(), raw.pixels());
        assertArrayEquals(digits.labels(), raw.labels());
        assertArrayEquals(raw.pixels(), gz.pixels());
        assertArrayEquals(new int[] {3, 3, 3, 3, 3, 2, 2, 2, 2, 2}, raw.classCounts());
    }

    @Test
    void truncatedImagesFileIsNamedWithItsSizes() throws Exception {
        byte[] whole = IdxFixtures.images(IdxFixtures.digits(3).pixels());
        Path file = Files.write(dir.resolve("cut-images"), Arrays.copyOf(whole, whole.length - 100));

        CorruptMnistFileException e = assertThrows(CorruptMnistFileException.class,
                () -> IdxReader.parseImages(file, Files.readAllBytes(file)));

        assertEquals(file, e.file());
        assertEquals(file + ": is truncated: its header declares 3 images (2368 bytes) but it has 2268 bytes",
                e.getMessage());
    }

    @Test
    void fileShorterThanItsHeaderIsTruncated() throws Exception {
        Path file = Files.write(dir.resolve("stub"), new byte[] {0, 0, 8});
        CorruptMnistFileException e = assertThrows(CorruptMnistFileException.class,
                () -> IdxReader.parseLabels(file, Files.readAllBytes(file)));
        assertTrue(e.getMessage().contains("is 3 bytes long, shorter than the 8-byte IDX header"), e.getMessage());
    }

    @Test
    void cutGzipStreamIsReportedAsDamaged() throws Exception {
        byte[] gz = IdxFixtures.gzip(IdxFixtures.images(IdxFixtures.digits(50).pixels()));
        Path file = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        CorruptMnistFileException e = assertThrows(CorruptMnistFileException.class, () -> IdxReader.decode(file));
        assertTrue(e.getMessage().startsWith(file + ": the gzip stream is damaged or cut short"), e.getMessage());
    }

    @Test
    void wrongMagicNumberSaysWhichWasExpected() throws Exception {
        byte[] labelsFile = IdxFixtures.labels(new byte[] {1, 2, 3});
        Path file = Files.write(dir.resolve("labels-given-as-images"), labelsFile);
        CorruptMnistFileException e = assertThrows(CorruptMnistFileException.class,
                () -> IdxReader.parseImages(file, Files.readAllBytes(file)));
        assertEquals(file + ": magic number is 0x00000801, expected 0x00000803 for an IDX images file", e.getMessage());
    }

    @Test
    void countLargerOrSmallerThanTheContentIsRejected() throws Exception {
        byte[] labels = {1, 2, 3, 4};
        Path tooMany = Files.write(dir.resolve("declares-5"), IdxFixtures.labels(5, labels));
        Path tooFew = Files.write(dir.resolve("declares-3"), IdxFixtures.labels(3, labels));

        CorruptMnistFileException more = assertThrows(CorruptMnistFileException.class,
                () -> IdxReader.parseLabels(tooMany, Files.readAllBytes(tooMany)));
        CorruptMnistFileException fewer = assertThrows(CorruptMnistFileException.class,
                () -> IdxReader.parseLabels(tooFew, Files.readAllBytes(tooFew)));

        assertEquals(tooMany + ": is truncated: its header declares 5 labels (13 bytes) but it has 12 bytes",
                more.getMessage());
        assertEquals(tooFew + ": has 1 bytes after the 3 labels its header declares", fewer.getMessage());
    }

    @Test
    void imagesOfAnotherSizeAreRejected() throws Exception {
        Path file = Files.write(dir.resolve("small"), IdxFixtures.images(2, 8, 8, new byte[128]));
        CorruptMnistFileException e = assertThrows(CorruptMnistFileException.class,
                () -> IdxReader.parseImages(file, Files.readAllBytes(file)));
        assertEquals(file + ": holds 8×8 images, expected 28×28 MNIST digits", e.getMessage());
    }

    @Test
    void imagesAndLabelsOfDifferentCountsAreAMismatch() throws Exception {
        Path images = Files.write(dir.resolve("images"), IdxFixtures.images(IdxFixtures.digits(4).pixels()));
        Path labels = Files.write(dir.resolve("labels"), IdxFixtures.labels(new byte[] {0, 1, 2}));
        CorruptMnistFileException e = assertThrows(CorruptMnistFileException.class,
                () -> IdxReader.readDigits(images, labels));
        assertEquals(labels, e.file());
        assertEquals(labels + ": holds 3 labels but its images file images holds 4 images;"
                + " the two files must come from the same set", e.getMessage());
    }

    @Test
    void labelOutsideZeroToNineIsRejected() throws Exception {
        Path file = Files.write(dir.resolve("labels"), IdxFixtures.labels(new byte[] {0, 9, 12}));
        CorruptMnistFileException e = assertThrows(CorruptMnistFileException.class,
                () -> IdxReader.parseLabels(file, Files.readAllBytes(file)));
        assertEquals(file + ": label 2 is 12, expected a digit 0..9", e.getMessage());
    }
}
