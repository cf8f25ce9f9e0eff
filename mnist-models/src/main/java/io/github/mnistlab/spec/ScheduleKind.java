package io.github.mnistlab.spec;

import com.google.gson.annotations.SerializedName;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the learning rate changes during a run. Any of them may start with a linear warm-up
 * ({@code warmupEpochs}); the run library builds them from DJL's trackers.
 */
public enum ScheduleKind {
    /** The learning rate stays as given (the labs). */
    @SerializedName("constant") CONSTANT,
    /** Multiplied by {@code decayFactor} every {@code decayEpochs} epochs. */
    @SerializedName("step") STEP,
    /** Falls from the learning rate to zero along half a cosine over the run (after any warm-up). */
    @SerializedName("cosine") COSINE;

    /** Lower-case name, as written in configuration. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code constant|step|cosine}, case-insensitively; the message lists the accepted names. */
    public static ScheduleKind parse(String name) {
        for (ScheduleKind k : values()) {
            if (k.name().equalsIgnoreCase(name.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("schedule '" + name + "' is not known; use one of "
                + Arrays.stream(values()).map(ScheduleKind::id).collect(Collectors.joining(", ")));
    }
}
