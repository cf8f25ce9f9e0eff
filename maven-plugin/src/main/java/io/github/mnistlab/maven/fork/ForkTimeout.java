package io.github.mnistlab.maven.fork;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The time limit of one fork ({@code lab.forkTimeout}): {@code 90s}, {@code 30m}, {@code 2h}, or seconds. */
public final class ForkTimeout {
    private static final Pattern VALUE = Pattern.compile("(\\d+)\\s*([smh]?)");

    private ForkTimeout() {
    }

    /**
     * The limit {@code text} gives, or null (no limit) for null or blank.
     *
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = VALUE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) < 1) {
            throw new IllegalArgumentException("forkTimeout is '" + text + "', expected a positive time such as 90s,"
                    + " 30m or 2h (a plain number is seconds)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /** {@code 90 s}, {@code 30 min}, {@code 2 h}: the limit as messages write it. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        return s % 3600 == 0 ? s / 3600 + " h" : s % 60 == 0 ? s / 60 + " min" : s + " s";
    }
}
