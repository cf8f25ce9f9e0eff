package io.github.mnistlab.record;

import java.util.Locale;

/**
 * One training step that the step check did not apply as first computed (see {@code TrainingLoop}):
 * what it saw, and what computing the step once more gave. A run keeps every one, so that the report
 * and the log name each event as what it was.
 *
 * @param iteration the step's iteration, counted over the whole run
 * @param kind      what was out of line
 * @param parameter the parameter whose gradient was non-finite or out of line; null for a loss spike
 * @param value     the loss (loss spike) or the gradient's L2 norm (gradient spike) as first computed;
 *                  null for a non-finite gradient
 * @param typical   the recent loss or the parameter's recent gradient norm (moving averages of the
 *                  applied steps); null for a non-finite gradient
 * @param skipped   true when the step was out of line again when computed once more and was not applied;
 *                  false when the second result was applied
 */
public record StepEvent(long iteration, Kind kind, String parameter, Double value, Double typical, boolean skipped) {
    /** What the step check saw. */
    public enum Kind {
        /** A gradient held NaN or infinity while the loss was finite. */
        NON_FINITE_GRADIENT("non-finite gradient"),
        /** A finite loss far above the recent ones. */
        LOSS_SPIKE("loss spike"),
        /** A finite gradient norm over a thousand times its recent value. */
        GRADIENT_SPIKE("gradient spike");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** The kind in words, as logs and reports name it, e.g. {@code gradient spike}. */
        public String words() {
            return words;
        }

        /** The kind's id in files and on the command line, e.g. {@code gradient-spike}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A gradient of {@code parameter} that held NaN or infinity. */
    public static StepEvent nonFinite(long iteration, String parameter, boolean skipped) {
        return new StepEvent(iteration, Kind.NON_FINITE_GRADIENT, parameter, null, null, skipped);
    }

    /** {@code value} against {@code typical}, e.g. 1.2e4 for a norm 12,000 times its recent one; null when either is missing. */
    public Double ratio() {
        return value == null || typical == null || typical == 0 ? null : value / typical;
    }

    /** One sentence for the log: the kind, where, how far out of line and what was done. */
    public String describe() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "iteration %d: %s", iteration, kind.words()));
        if (parameter != null) {
            sb.append(" in ").append(parameter);
        }
        if (kind == Kind.LOSS_SPIKE) {
            sb.append(String.format(Locale.ROOT, " (loss %.4g against a recent %.4g)", value, typical));
        } else if (kind == Kind.GRADIENT_SPIKE) {
            sb.append(String.format(Locale.ROOT, " (norm %.4g, %.3g times its recent %.4g)", value, ratio(), typical));
        }
        return sb.append(skipped ? "; out of line again when computed once more, so the step was skipped"
                : "; computed once more it was back in line, and that result was applied").toString();
    }
}
