package io.github.mnistlab.record;

import com.google.gson.annotations.SerializedName;
import java.util.Locale;

/** How a run ended, as {@code run.json} writes it: {@code complete}, or {@code diverged} (stopped early, with a message). */
public enum RunStatus {
    @SerializedName("complete")
    COMPLETE,
    @SerializedName("diverged")
    DIVERGED;

    /** The name in run records and reports, e.g. {@code complete}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
