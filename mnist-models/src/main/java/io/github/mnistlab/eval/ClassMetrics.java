package io.github.mnistlab.eval;

/**
 * Precision, recall and F1 of one class. A class never predicted has precision 0; one never
 * present has recall 0 (and support 0).
 *
 * @param label     the class
 * @param support   how many samples truly belong to it
 * @param predicted how many samples were predicted as it
 */
public record ClassMetrics(int label, int support, int predicted, double precision, double recall, double f1) {
}
