package io.github.mnistlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** libtorch's fresh CPU allocations hold zeros once {@link EngineMemory#ensure()} has run. */
class EngineMemoryTest {
    @Test
    void freshTensorsReadZerosAfterRealWorkFreedItsBuffers() {
        assertEquals(EngineMemory.Fill.ZERO, EngineMemory.ensure());
        assertEquals(EngineMemory.Fill.ZERO, EngineMemory.applied());
        int dirty = 0;
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            for (int round = 0; round < 10; round++) {
                for (int n : new int[] {10, 1000, 4096, 65536}) {
                    // a product whose buffers are freed again, leaving their values for the allocator to hand out
                    try (NDManager work = manager.newSubManager()) {
                        NDArray x = work.randomNormal(new Shape(n / 10 + 1, 10));
                        x.matMul(x.transpose()).sum();
                    }
                    // NDManager.create(Shape) is torch.empty: memory nobody wrote (unfilled, every one of
                    // these but one held stale values on a Zen 3)
                    try (NDArray fresh = manager.create(new Shape(n), DataType.FLOAT32)) {
                        for (float v : fresh.toFloatArray()) {
                            if (v != 0f) {
                                dirty++;
                                break;
                            }
                        }
                    }
                }
            }
        }
        assertEquals(0, dirty, "fresh allocations holding stale values");
    }

    @Test
    void anUnknownFillIsAnErrorNamingTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EngineMemory.Fill.parse("zeros"));
        assertEquals("-Dlab.allocatorFill is 'zeros'; use zero (the default), none or junk", e.getMessage());
    }
}
