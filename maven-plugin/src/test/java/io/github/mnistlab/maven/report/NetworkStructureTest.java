package io.github.mnistlab.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.Presets;
import org.junit.jupiter.api.Test;

/** Parameter counts of the lab networks, worked out by hand from their layers. */
class NetworkStructureTest {
    private static long total(String preset) {
        return NetworkStructure.of(Presets.get(preset), p -> Presets.get("cnn-lenet")).total();
    }

    @Test
    void lenetIs8490Parameters() {
        // conv 1→10 5×5: 260; conv 10→20 5×5: 5020; fc 320→10: 3210
        assertEquals(260 + 5020 + 3210, total("cnn-lenet"));
        NetworkStructure s = NetworkStructure.of(Presets.get("cnn-lenet"), p -> null);
        assertEquals("320", s.layers().stream().filter(l -> l.name().equals("flatten")).findFirst().orElseThrow().shape());
    }

    @Test
    void smallCnnAndMlp() {
        // conv 1→4 3×3 pad 1: 40; conv 4→8: 296; fc 392→512: 201216; fc 512→10: 5130
        assertEquals(40 + 296 + 201_216 + 5130, total("cnn-small"));
        // 784→30→10
        assertEquals(784 * 30 + 30 + 30 * 10 + 10, total("mlp"));
        assertEquals(total("mlp"), total("mlp-scratch"));
    }

    @Test
    void improvedPresetsCountBatchNormAsTheRunDoes() {
        // the library's count of the built block (BuildersTest): 104,874 and 669,706
        assertEquals(104_874, total("cnn-plus"));
        assertEquals(669_706, total("mlp-plus"));
        NetworkStructure s = NetworkStructure.of(Presets.get("cnn-plus"), p -> null);
        assertEquals("Conv2d 1→32, 3×3, padding 1, no bias", s.layers().get(1).name());
        assertEquals("BatchNorm + relu", s.layers().get(2).name());
        assertEquals(128, s.layers().get(2).parameters());
        // adder-scratch-plus, per digit: conv 1→32 3×3 without bias 288 + batch norm 128; conv 32→64 18,432 + 256;
        // 3,136 features → 128: 401,536; 128→10: 1,290; the exact sum of the two digits has no parameters
        assertEquals(288 + 128 + 18_432 + 256 + 401_536 + 1_290, total("adder-scratch-plus"));
        // adder-transfer-plus on cnn-plus: 104,874 + 20→128: 2,688 + 128→19: 2,451
        assertEquals(104_874 + 2_688 + 2_451, NetworkStructure.of(Presets.get("adder-transfer-plus").toBuilder()
                .pretrained("target/lab/runs/digits-plus").build(), p -> Presets.get("cnn-plus")).total());
        NetworkStructure adder = NetworkStructure.of(Presets.get("adder-scratch-plus"), p -> null);
        assertEquals("sum of the two digit distributions (exact)", adder.layers().get(adder.layers().size() - 1).name());
        assertEquals("per digit: Linear 128→10", adder.layers().get(adder.layers().size() - 2).name());
    }

    @Test
    void transferAdderCountsItsReusedClassifier() {
        ExperimentSpec adder = Presets.get("adder-transfer").toBuilder().pretrained("target/lab/runs/digits").build();
        assertEquals(8490 + 20 * 19 + 19 + 19 * 19 + 19, NetworkStructure.of(adder, p -> Presets.get("cnn-lenet")).total());
    }
}
