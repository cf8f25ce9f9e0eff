package io.github.mnistlab.spec;

import java.util.Locale;

/** How progress lines write an estimate of the time left: {@code about 40 s left}, {@code about 12 min left}. */
public final class Durations {
    private Durations() {
    }

    /** {@code seconds} as "about N s left" below two minutes, else "about N min left" (rounded). */
    public static String left(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "about %d s left", Math.max(1, Math.round(seconds)));
        }
        return String.format(Locale.ROOT, "about %d min left", Math.round(seconds / 60));
    }
}
