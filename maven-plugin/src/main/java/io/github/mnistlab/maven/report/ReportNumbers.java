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

    /** A ratio as a person writes it before "×": one decimal below 10 (2.6), whole from 10 on (26). */
    static String times(double ratio) {
        java.math.BigDecimal r = java.math.BigDecimal.valueOf(ratio);
        return r.compareTo(java.math.BigDecimal.valueOf(9.95)) >= 0
                ? r.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString()
                : r.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static String num(float v) {
        return new java.math.BigDecimal(Float.toString(v)).stripTrailingZeros().toPlainString();
    }
}
