package io.github.mnistlab.maven.report;

import java.util.Locale;

/** How the report writes numbers: fixed decimals, percentages, hyperparameters without trailing zeros. */
final class ReportNumbers {
    private ReportNumbers() {
    }

    static String fixed(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    static String percent(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }

    static String num(float v) {
        return new java.math.BigDecimal(Float.toString(v)).stripTrailingZeros().toPlainString();
    }
}
