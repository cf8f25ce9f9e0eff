package io.github.mnistlab.maven.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.mnistlab.maven.plan.DeviceSetting.ForkDevice;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceSettingTest {
    private static final GpuProbe GPU = () -> Optional.of("nvidia-smi -L: GPU 0: NVIDIA H100");
    private static final GpuProbe NO_GPU = Optional::empty;

    @Test
    void autoUsesTheGpuWithoutTheCpuNatives() {
        ForkDevice device = DeviceSetting.AUTO.choose(GPU);
        assertEquals("auto", device.cliDevice());
        assertFalse(device.cpuNatives(), "the CPU libtorch jar would stop DJL from loading a CUDA build");
        assertEquals("GPU found (nvidia-smi -L: GPU 0: NVIDIA H100)", device.reason());
    }

    @Test
    void autoFallsBackToTheCpu() {
        ForkDevice device = DeviceSetting.AUTO.choose(NO_GPU);
        assertEquals(new ForkDevice("cpu", true, "no GPU found"), device);
    }

    @Test
    void cpuNeverProbes() {
        ForkDevice device = DeviceSetting.CPU.choose(() -> fail("cpu must not probe for a GPU"));
        assertEquals("cpu", device.cliDevice());
        assertTrue(device.cpuNatives());
    }

    @Test
    void gpuRequiresOne() {
        assertEquals("gpu", DeviceSetting.GPU.choose(GPU).cliDevice());
        assertEquals("lab.device is gpu, but this machine has no GPU (nvidia-smi -L failed and"
                + " /proc/driver/nvidia/gpus lists none); use -Dlab.device=auto or cpu",
                assertThrows(IllegalArgumentException.class, () -> DeviceSetting.GPU.choose(NO_GPU)).getMessage());
    }

    @Test
    void parsesCaseInsensitivelyAndNamesBadValues() {
        assertEquals(DeviceSetting.GPU, DeviceSetting.parse(" GPU "));
        assertEquals("lab.device is 'tpu', expected auto, cpu or gpu",
                assertThrows(IllegalArgumentException.class, () -> DeviceSetting.parse("tpu")).getMessage());
    }
}
