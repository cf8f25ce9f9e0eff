package io.github.mnistlab.maven.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the comparison charts put on their x axis (parameter {@code reportXAxis}). */
public enum XAxis {
    /** Training iterations (steps) so far. */
    ITERATIONS,
    /** Epochs. */
    EPOCHS,
    /** Training seconds so far. */
    SECONDS;

    /** The axis named {@code value} (any case); the message names the accepted values. */
    public static XAxis parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("reportXAxis is '" + value + "', expected one of "
                    + Arrays.stream(values()).map(XAxis::id).collect(Collectors.joining(", ")));
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
