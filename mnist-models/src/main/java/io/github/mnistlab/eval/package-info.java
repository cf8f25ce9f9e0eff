/**
 * Evaluation of a classifier's predictions: accuracy, per-class precision, recall and F1, the
 * confusion matrix and the most confident mistakes, for digits (10 classes) and sums (19).
 * Plain Java over prediction arrays, so it is exact and testable without an engine.
 */
package io.github.mnistlab.eval;
