package io.github.mnistlab.data;

/**
 * The four files of the MNIST distribution, with what a correct copy of each must contain.
 *
 * <p>The SHA-256 values are those of the decoded (not gzipped) files, so a file verifies the same
 * whether it arrived raw or compressed.
 */
public enum MnistFile {
    TRAIN_IMAGES("train-images-idx3-ubyte", IdxKind.IMAGES, 60_000,
            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
    TRAIN_LABELS("train-labels-idx1-ubyte", IdxKind.LABELS, 60_000,
            "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
    TEST_IMAGES("t10k-images-idx3-ubyte", IdxKind.IMAGES, 10_000,
            "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
    TEST_LABELS("t10k-labels-idx1-ubyte", IdxKind.LABELS, 10_000,
            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    /** Whether an IDX file holds images (magic 0x803) or labels (magic 0x801). */
    public enum IdxKind {
        IMAGES(0x0000_0803),
        LABELS(0x0000_0801);

        private final int magic;

        IdxKind(int magic) {
            this.magic = magic;
        }

        /** The magic number that opens a file of this kind. */
        public int magic() {
            return magic;
        }
    }

    private final String fileName;
    private final IdxKind kind;
    private final int count;
    private final String sha256;

    MnistFile(String fileName, IdxKind kind, int count, String sha256) {
        this.fileName = fileName;
        this.kind = kind;
        this.count = count;
        this.sha256 = sha256;
    }

    /** The file's standard name, without {@code .gz}. */
    public String fileName() {
        return fileName;
    }

    /** The name of the gzipped copy that the public mirrors serve. */
    public String gzipName() {
        return fileName + ".gz";
    }

    public IdxKind kind() {
        return kind;
    }

    /** How many items (images or labels) the real file holds. */
    public int count() {
        return count;
    }

    /** SHA-256 of the decoded file, lower-case hex. */
    public String sha256() {
        return sha256;
    }
}
