package io.github.mnistlab.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes libtorch's CPU allocations initialized memory, in this process, before it trains.
 *
 * <p>Why: on AVX-512 machines (AMD Zen 4 and Zen 5 seen) libtorch 2.2–2.7's oneDNN kernels read
 * memory that nobody wrote (a convolution's weight gradient, rarer garbage in other layers), so that a
 * stale NaN or huge value from an earlier tensor now and then becomes a gradient. Filling every
 * allocation removes the whole class (measured with glibc's {@code MALLOC_PERTURB_}, see
 * {@code docs/engine-faults.md}). libtorch has that switch itself: c10's CPU allocator zero-fills
 * each allocation when its global flag {@code FLAGS_caffe2_cpu_allocator_do_zero_fill} is set, and
 * oneDNN's buffers (scratchpads, reordered and padded tensors) come from that allocator. No
 * environment variable or DJL call sets the flag, so this class writes the exported symbol through
 * JNA (which DJL already depends on) — on every operating system, with no start-up option.
 *
 * <p>{@code -Dlab.allocatorFill=zero} (the default) sets the zero fill, {@code none} leaves
 * libtorch as it is (to measure what the fill costs or to show the fault), and {@code junk} makes
 * every allocation NaN (c10's junk fill) so that any read of memory nobody wrote shows as a
 * non-finite gradient at once: the stress benchmark's detector.
 */
public final class EngineMemory {
    /** The system property that chooses the fill. */
    public static final String PROPERTY = "lab.allocatorFill";

    /** What fresh libtorch CPU allocations hold. */
    public enum Fill {
        /** Zeros: the fix. */
        ZERO("FLAGS_caffe2_cpu_allocator_do_zero_fill"),
        /** Whatever the memory held before (libtorch's default). */
        NONE(null),
        /** A NaN pattern: every read of memory nobody wrote becomes visible. */
        JUNK("FLAGS_caffe2_cpu_allocator_do_junk_fill");

        private final String flag;

        Fill(String flag) {
            this.flag = flag;
        }

        /** The property's value for this fill, e.g. {@code zero}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Fill parse(String value) {
            for (Fill f : values()) {
                if (f.id().equals(value.strip().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw new IllegalArgumentException("-D" + PROPERTY + " is '" + value + "'; use zero (the default),"
                    + " none or junk");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(EngineMemory.class);
    private static volatile Fill applied;

    private EngineMemory() {
    }

    /**
     * Applies the fill chosen by {@value #PROPERTY} once per process (later calls return at once)
     * and returns it. Starts the engine if it has not started. Where the flag cannot be set (another
     * engine, a libtorch without the symbol) it warns once, naming the fix, and returns {@link Fill#NONE}.
     */
    public static Fill ensure() {
        Fill done = applied;
        if (done != null) {
            return done;
        }
        synchronized (EngineMemory.class) {
            if (applied == null) {
                applied = apply(Fill.parse(System.getProperty(PROPERTY, Fill.ZERO.id())));
            }
            return applied;
        }
    }

    /** The fill this process applied, or null before {@link #ensure()}. */
    public static Fill applied() {
        return applied;
    }

    private static Fill apply(Fill wanted) {
        if (wanted == Fill.NONE || !"PyTorch".equals(Engine.getDefaultEngineName())) {
            return Fill.NONE;
        }
        try {
            Engine.getEngine("PyTorch");
            Path c10 = Path.of(LibUtils.getLibtorchPath()).resolve(System.mapLibraryName("c10"));
            Pointer flag = NativeLibrary.getInstance(c10.toString()).getGlobalVariableAddress(wanted.flag);
            flag.setByte(0, (byte) 1);
            return wanted;
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("could not make libtorch fill its CPU allocations ({}: {}); on x86 CPUs the oneDNN kernels of"
                    + " libtorch 2.2-2.7 can then read memory nobody wrote and return a garbage step now and then (the"
                    + " step check recomputes or skips those). On Linux, start this JVM with"
                    + " GLIBC_TUNABLES=glibc.malloc.perturb=255 to have glibc zero every allocation instead; on macOS"
                    + " MallocPreScribble=1 fills them with a finite pattern; Windows has no such switch.",
                    e.getClass().getSimpleName(), e.getMessage());
            return Fill.NONE;
        }
    }
}
