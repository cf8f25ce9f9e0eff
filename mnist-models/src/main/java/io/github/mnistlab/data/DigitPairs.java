package io.github.mnistlab.data;

/**
 * Pairs of digits from one set for the digit adder: pair {@code i} is ({@code left[i]}, {@code right[i]})
 * with label {@code set.label(left[i]) + set.label(right[i])} in 0..18.
 *
 * <p>A pairing uses every digit of the set exactly once on the left and once on the right, so an
 * epoch over the 50,000 training digits sees 50,000 pairs. Pairs are drawn within one set only, so
 * no validation or test digit ever meets a training digit. A new seed gives a new pairing: the
 * trainer draws one per epoch, the evaluation sets keep one fixed pairing.
 *
 * @param left  index of each pair's first digit
 * @param right index of each pair's second digit
 * @param sums  each pair's label, the sum of the two digits
 */
public record DigitPairs(int[] left, int[] right, byte[] sums) {
    /** Number of classes of a sum: 0..18. */
    public static final int SUM_CLASSES = 19;

    /** A seeded pairing of all digits of {@code set}. */
    public static DigitPairs draw(DigitImages set, long seed) {
        int n = set.count();
        int[] left = DataSplits.permutation(n, seed);
        int[] right = DataSplits.permutation(n, seed ^ 0x5DEECE66DL);
        byte[] sums = new byte[n];
        for (int i = 0; i < n; i++) {
            sums[i] = (byte) (set.label(left[i]) + set.label(right[i]));
        }
        return new DigitPairs(left, right, sums);
    }

    public int count() {
        return sums.length;
    }
}
