package io.github.mnistlab.run;

import java.util.List;

/**
 * What a trained run predicted for one input: a digit for one picture, or a sum for a pair.
 *
 * @param files      the picture(s)
 * @param predicted  the digit (0..9) or sum (0..18)
 * @param confidence the probability the model gave it
 */
public record Prediction(List<String> files, int predicted, double confidence) {
    public Prediction {
        files = List.copyOf(files);
    }
}
