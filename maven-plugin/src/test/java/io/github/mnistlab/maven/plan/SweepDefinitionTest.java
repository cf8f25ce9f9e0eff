package io.github.mnistlab.maven.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.mnistlab.spec.SweepSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepDefinitionTest {
    private static JsonObject fields(String kind, List<Integer> k, String m) {
        JsonObject fields = new JsonObject();
        fields.addProperty("kind", kind);
        if (k != null) {
            JsonArray list = new JsonArray();
            k.forEach(list::add);
            fields.add("k", list);
        }
        fields.addProperty("m", m);
        fields.addProperty("epochs", 3);
        fields.addProperty("seed", 7L);
        return fields;
    }

    private static String failure(String id, JsonObject fields) {
        return assertThrows(IllegalArgumentException.class, () -> SweepDefinition.of(id, fields)).getMessage();
    }

    @Test
    void theForkGetsTheSpecWithTheBuildsOverrides() {
        SweepDefinition sweep = SweepDefinition.of("km", fields("MLP", List.of(1, 2), "10:100:10"));

        assertEquals(new SweepSpec(SweepSpec.Kind.MLP, null, List.of(1, 2), "10:100:10", null, null, 1, 500, 7L),
                sweep.spec(new Overrides(1, 500)));
        assertEquals(sweep.spec(), sweep.spec(Overrides.NONE));
        assertEquals("{\n  \"kind\": \"mlp\",\n  \"k\": [\n    1,\n    2\n  ],\n  \"m\": \"10:100:10\",\n  \"depths\": [],\n"
                + "  \"kernels\": [],\n  \"epochs\": 3,\n  \"seed\": 7\n}\n", sweep.specJson(Overrides.NONE));
        assertEquals(List.of("sweep", "--spec", Path.of("s.json").toString(), "--out", Path.of("out").toString(),
                "--device", "cpu"), SweepDefinition.arguments(Path.of("s.json"), Path.of("out"), "cpu"));
        assertEquals(20, sweep.spec().points().size());
    }

    @Test
    void cnnSweepTakesDepthsAndKernelsWithTheLabsDefaults() {
        JsonObject fields = new JsonObject();
        fields.addProperty("kind", "cnn");
        SweepSpec spec = SweepDefinition.of("dk", fields).spec();
        assertEquals(List.of(1, 2, 3), spec.depths());
        assertEquals(List.of(3, 5, 7), spec.kernels());
        assertEquals("cnn-lenet", spec.base().preset());
    }

    @Test
    void badValuesAreNamed() {
        assertEquals("sweep 'km': k contains 4, expected 1 ≤ k ≤ 3 hidden layers",
                failure("km", fields("mlp", List.of(1, 4), null)));
        assertEquals("sweep 'km': m is '100:10:10', expected from:to:step with 1 ≤ from ≤ to and step ≥ 1, e.g."
                + " 10:100:10", failure("km", fields("mlp", List.of(1), "100:10:10")));
        assertEquals("sweep 'x': kind is 'rnn', expected mlp, cnn or ablation", failure("x", fields("rnn", null, null)));
        assertEquals("sweep 'x': <k> and <m> belong to kind mlp; a cnn sweep varies <depths> and <kernels>",
                failure("x", fields("cnn", List.of(1), null)));
        JsonObject deep = fields("cnn", null, null);
        JsonArray depths = new JsonArray();
        depths.add(5);
        deep.add("depths", depths);
        assertEquals("sweep 'x': sweep point depth 5, kernel 3 does not fit: conv stage 5 pools 2×2 over a 1×1 feature"
                + " map; use a smaller pool or fewer stages", failure("x", deep));
        assertEquals("sweep id 'a b' is not usable: give each <sweep> an <id> of letters, digits, '.', '_' or '-' (it"
                + " names a directory)", failure("a b", fields("mlp", null, null)));
    }
}
