package io.github.mnistlab.data;

import java.util.SplittableRandom;

/**
 * The three sets an experiment works with, cut from MNIST with a seed: a validation set drawn from
 * the original 60,000 training digits, the rest for training (optionally limited), and the original
 * 10,000 test digits untouched.
 *
 * @param train      the digits trained on
 * @param validation the held-out digits the best epoch is chosen on; empty when none is held out
 * @param test       the original test set
 */
public record DataSplits(DigitImages train, DigitImages validation, DigitImages test) {
    /** The labs' split: 50,000 training, 10,000 validation, 10,000 test. */
    public static final int LAB_VALIDATION_SIZE = 10_000;

    /**
     * Splits {@code data}: a seeded permutation of the training set gives the validation digits
     * first, then the training digits.
     *
     * @param validationSize digits held out for validation (0: train on all 60,000)
     * @param limit          keep only this many training digits (0: all)
     * @param seed           seeds the permutation
     */
    public static DataSplits of(MnistDataset data, int validationSize, int limit, long seed) {
        DigitImages all = data.train();
        if (validationSize < 0 || validationSize >= all.count()) {
            throw new IllegalArgumentException("validation size is " + validationSize + ", expected 0.."
                    + (all.count() - 1));
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit is " + limit + ", expected 0 (all) or a positive count");
        }
        int[] order = permutation(all.count(), seed);
        int trainCount = all.count() - validationSize;
        if (limit > 0) {
            trainCount = Math.min(trainCount, limit);
        }
        int[] validationIdx = new int[validationSize];
        int[] trainIdx = new int[trainCount];
        System.arraycopy(order, 0, validationIdx, 0, validationSize);
        System.arraycopy(order, validationSize, trainIdx, 0, trainCount);
        return new DataSplits(all.select(trainIdx), all.select(validationIdx), data.test());
    }

    /** Whether a validation set was held out. */
    public boolean hasValidation() {
        return validation.count() > 0;
    }

    /** A seeded Fisher–Yates permutation of 0..n−1. */
    public static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
