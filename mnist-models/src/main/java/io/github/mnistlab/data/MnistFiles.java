package io.github.mnistlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Finds the four MNIST files in a directory (each raw or gzipped) and loads them, checking each
 * against its known item count and SHA-256.
 */
public final class MnistFiles {
    private MnistFiles() {
    }

    /** The path of {@code file} in {@code dir}: the raw name if present, else the {@code .gz} name, else null. */
    public static Path find(Path dir, MnistFile file) {
        Path raw = dir.resolve(file.fileName());
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gz = dir.resolve(file.gzipName());
        return Files.isRegularFile(gz) ? gz : null;
    }

    /** Whether all four files are present (not whether they are valid). */
    public static boolean allPresent(Path dir) {
        for (MnistFile f : MnistFile.values()) {
            if (find(dir, f) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Loads and verifies the four files of {@code dir}.
     *
     * @throws MnistDataException         if a file is missing (naming it and the directory)
     * @throws CorruptMnistFileException  if a file is invalid or fails its checksum
     */
    public static MnistDataset load(Path dir, String source) throws IOException {
        Map<MnistFile, byte[]> payloads = new EnumMap<>(MnistFile.class);
        Map<MnistFile, String> sums = new EnumMap<>(MnistFile.class);
        for (MnistFile f : MnistFile.values()) {
            Path p = find(dir, f);
            if (p == null) {
                throw new MnistDataException(dir + " has no " + f.fileName() + " (nor "
                        + f.gzipName() + "); put the four MNIST IDX files there");
            }
            byte[] bytes = IdxReader.decode(p);
            payloads.put(f, verify(p, f, bytes));
            sums.put(f, f.sha256()); // verify() passed, so the file's digest is the known one
        }
        return new MnistDataset(
                new DigitImages(payloads.get(MnistFile.TRAIN_IMAGES), payloads.get(MnistFile.TRAIN_LABELS)),
                new DigitImages(payloads.get(MnistFile.TEST_IMAGES), payloads.get(MnistFile.TEST_LABELS)),
                source, sums);
    }

    /**
     * Checks the decoded bytes of {@code file}: first the IDX header and length (so a wrong kind of
     * file is named as such), then the SHA-256 of the original. Returns the payload (pixels or labels).
     */
    public static byte[] verify(Path path, MnistFile file, byte[] decoded) {
        byte[] payload = file.kind() == MnistFile.IdxKind.IMAGES
                ? IdxReader.parseImages(path, decoded)
                : IdxReader.parseLabels(path, decoded);
        String actual = sha256(decoded);
        if (!actual.equals(file.sha256())) {
            throw new CorruptMnistFileException(path, "SHA-256 is " + actual + ", expected "
                    + file.sha256() + " for the original " + file.fileName()
                    + "; the file is damaged or not MNIST: delete it and provide the original file");
        }
        return payload;
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
