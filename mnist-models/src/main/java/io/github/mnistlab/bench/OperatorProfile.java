package io.github.mnistlab.bench;

import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * libtorch's operator profiler around a stretch of training, and what its trace says: the
 * <em>self</em> time of every operator (its time minus that of the operators it called), summed
 * over calls. This is where a training step's time goes inside the engine; PyTorch's own profiler
 * gives the same table for the peer ({@code bench/reference.py --profile}).
 */
public final class OperatorProfile {
    /** One operator's calls and summed self time. */
    public record OperatorTime(String name, long calls, double selfMillis) {
    }

    private OperatorProfile() {
    }

    /** Starts recording every operator libtorch runs on this process's threads (with input shapes). */
    public static void start() {
        JniUtils.startProfile(false, true, false);
    }

    /**
     * Stops recording, writes the trace (Chrome trace JSON: open it in a trace viewer) and returns its
     * summary.
     *
     * @throws IOException when the trace cannot be read back
     */
    public static List<OperatorTime> stop(Path trace) throws IOException {
        Path parent = trace.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JniUtils.stopProfile(trace.toString());
        try (Reader reader = Files.newBufferedReader(trace)) {
            return summarize(reader);
        }
    }

    /** An event of the trace: a complete ("X") event with its start and duration in microseconds. */
    private record Event(String name, double start, double duration) {
        double end() {
            return start + duration;
        }
    }

    /**
     * The operators of a Chrome trace (a JSON array of events, or an object with {@code traceEvents}),
     * by summed self time, largest first. Events nest by time within a thread: an event's self time
     * is its duration minus the durations of the events directly inside it.
     */
    public static List<OperatorTime> summarize(Reader json) throws IOException {
        Map<String, List<Event>> byThread = new HashMap<>();
        try (JsonReader reader = new JsonReader(json)) {
            reader.setLenient(true);
            if (reader.peek() == JsonToken.BEGIN_OBJECT) {
                reader.beginObject();
                while (reader.hasNext()) {
                    if (reader.nextName().equals("traceEvents")) {
                        readEvents(reader, byThread);
                    } else {
                        reader.skipValue();
                    }
                }
                reader.endObject();
            } else {
                readEvents(reader, byThread);
            }
        }
        Map<String, double[]> totals = new HashMap<>();
        for (List<Event> events : byThread.values()) {
            events.sort(Comparator.comparingDouble(Event::start).thenComparing(Comparator.comparingDouble(Event::duration).reversed()));
            Deque<Event> open = new ArrayDeque<>();
            Map<Event, Double> inner = new IdentityHashMap<>();
            for (Event e : events) {
                while (!open.isEmpty() && open.peek().end() <= e.start()) {
                    open.pop();
                }
                if (!open.isEmpty()) {
                    inner.merge(open.peek(), e.duration(), Double::sum);
                }
                open.push(e);
            }
            for (Event e : events) {
                double[] t = totals.computeIfAbsent(e.name(), k -> new double[2]);
                t[0]++;
                t[1] += e.duration() - inner.getOrDefault(e, 0.0);
            }
        }
        List<OperatorTime> out = new ArrayList<>();
        totals.forEach((name, t) -> out.add(new OperatorTime(name, (long) t[0], t[1] / 1000)));
        out.sort(Comparator.comparingDouble(OperatorTime::selfMillis).reversed().thenComparing(OperatorTime::name));
        return out;
    }

    private static void readEvents(JsonReader reader, Map<String, List<Event>> byThread) throws IOException {
        reader.beginArray();
        while (reader.hasNext()) {
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                reader.skipValue();
                continue;
            }
            String name = null;
            String phase = null;
            String thread = "";
            double start = Double.NaN;
            double duration = Double.NaN;
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "name" -> name = reader.nextString();
                    case "ph" -> phase = reader.nextString();
                    case "tid" -> thread = reader.nextString();
                    case "ts" -> start = reader.nextDouble();
                    case "dur" -> duration = reader.nextDouble();
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            if ("X".equals(phase) && name != null && !Double.isNaN(start) && !Double.isNaN(duration)) {
                byThread.computeIfAbsent(thread, k -> new ArrayList<>()).add(new Event(name, start, duration));
            }
        }
        reader.endArray();
    }
}
