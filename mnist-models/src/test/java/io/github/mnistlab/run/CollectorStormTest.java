package io.github.mnistlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.data.RealMnist;
import io.github.mnistlab.spec.Presets;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Same seed, same losses, in a JVM that collects garbage every few steps (a 2 MB young generation,
 * set by the POM's Surefire execution of tag {@value #TAG}). Before {@code Scalars}, a collection
 * between a forward and its backward pass freed the buffer under dropout's scale or label smoothing's
 * weights: in such a JVM cnn-small's and mlp-plus's two runs parted at steps 126 and 125 of 400.
 */
@Tag(CollectorStormTest.TAG)
class CollectorStormTest {
    static final String TAG = "collector-storm";
    private static MnistDataset data;

    @BeforeAll
    static void load() {
        assertTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-Xmn2m"),
                "run this class in the POM's collector-storm execution, which gives the JVM a 2 MB young generation");
        System.setProperty("ai.djl.pytorch.num_threads", "2");
        data = RealMnist.dataset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cnn-small", "mlp-plus"})
    void stepsTrainedTwiceWhileTheJvmCollectsGiveIdenticalLosses(String preset) {
        List<String> events = new ArrayList<>();
        TrainingTrace first = TrainingTrace.of(Presets.get(preset), data, 250, true, b -> b, e -> events.add(e.describe()));
        TrainingTrace second = TrainingTrace.of(Presets.get(preset), data, 250, true, b -> b, e -> events.add(e.describe()));

        assertEquals(250, second.steps());
        assertEquals(0, first.firstDifference(second), () -> Arrays.toString(first.losses()) + " vs "
                + Arrays.toString(second.losses()));
        assertEquals(List.of(), events);
    }
}
