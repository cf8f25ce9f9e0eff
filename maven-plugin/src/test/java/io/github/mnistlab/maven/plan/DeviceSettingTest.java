package io.github.mnistlab.maven.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.mnistlab.maven.plan.DeviceSetting.EngineDownload;
import io.github.mnistlab.maven.plan.DeviceSetting.ForkDevice;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The device decision for each thing a machine may lack, under each setting. */
class DeviceSettingTest {
    private static final GpuProbe GPU = () -> Optional.of("nvidia-smi -L: GPU 0: NVIDIA H100");
    private static final GpuProbe NO_GPU = Optional::empty;
    private static final String DIR = "/home/s/.djl.ai/pytorch/2.7.1-cu128-linux-x86_64";
    private static final Supplier<GpuCheck> CACHED = () -> new GpuCheck(1, "128", "2.7.1", "cu128", DIR, true);
    private static final Supplier<GpuCheck> NOT_CACHED = () -> new GpuCheck(1, "128", "2.7.1", "cu128", DIR, false);
    private static final Supplier<GpuCheck> NO_CUDA_RUNTIME = () -> new GpuCheck(0, "", "2.7.1", "cu128", DIR, false);
    private static final Supplier<GpuCheck> NOT_ASKED = () -> fail("the engine must not be asked without a GPU");

    @Test
    void autoUsesACachedCudaBuildOfflineWithoutTheCpuNatives() {
        ForkDevice device = DeviceSetting.AUTO.choose(GPU, CACHED, EngineDownload.NOT_ASKED);
        assertEquals("auto", device.cliDevice());
        assertTrue(device.gpu(), "the CPU libtorch jar would stop DJL from loading a CUDA build");
        assertEquals(Map.of("PYTORCH_LIBRARY_PATH", DIR, "PYTORCH_FLAVOR", "cu128"), device.environment());
        assertFalse(device.engineDownload());
        assertFalse(device.warning());
        assertEquals("nvidia-smi -L: GPU 0: NVIDIA H100, CUDA 12.8 runtime; libtorch 2.7.1 cu128 from DJL's cache "
                + DIR, device.reason());
    }

    @Test
    void autoTrainsOnTheCpuWhenThereIsNoGpuWithoutAskingTheEngine() {
        ForkDevice device = DeviceSetting.AUTO.choose(NO_GPU, NOT_ASKED, EngineDownload.ALLOWED);
        assertEquals(ForkDevice.cpu("no NVIDIA GPU found", false), device);
    }

    @Test
    void aGpuWithoutACudaRuntimeIsNamedAndTheCpuUsed() {
        ForkDevice device = DeviceSetting.AUTO.choose(GPU, NO_CUDA_RUNTIME, EngineDownload.ALLOWED);
        assertFalse(device.gpu());
        assertEquals("cpu", device.cliDevice());
        assertTrue(device.warning());
        assertEquals("nvidia-smi -L: GPU 0: NVIDIA H100, but DJL finds no usable CUDA runtime (libcudart of CUDA 12"
                + " is not on the library path, or the driver is too old for it); training on the CPU. For the GPU:"
                + " install the NVIDIA driver and the CUDA 12 runtime (the CUDA toolkit, or its cudart library alone)"
                + " so that DJL can load libcudart", device.reason());
    }

    @Test
    void aMissingCudaBuildIsDownloadedOnlyWhenAllowed() {
        ForkDevice allowed = DeviceSetting.AUTO.choose(GPU, NOT_CACHED, EngineDownload.ALLOWED);
        assertTrue(allowed.gpu());
        assertTrue(allowed.engineDownload());
        assertEquals(Map.of(), allowed.environment());

        ForkDevice notAsked = DeviceSetting.AUTO.choose(GPU, NOT_CACHED, EngineDownload.NOT_ASKED);
        assertFalse(notAsked.gpu());
        assertFalse(notAsked.engineDownload());
        assertTrue(notAsked.reason().contains("but libtorch 2.7.1 cu128 (the CUDA build of the engine, about 2.5 GB)"
                + " is not in DJL's cache " + DIR + "; training on the CPU. For the GPU: run once without"
                + " -Dlab.gpuDownload=false to let DJL download it"), notAsked.reason());

        ForkDevice offline = DeviceSetting.AUTO.choose(GPU, NOT_CACHED, EngineDownload.OFFLINE);
        assertFalse(offline.gpu());
        assertTrue(offline.reason().endsWith("For the GPU: Maven runs offline (-o): run once online to let DJL"
                + " download it"), offline.reason());
    }

    @Test
    void offlineModeWinsOverTheSwitch() {
        assertEquals(EngineDownload.OFFLINE, EngineDownload.of(true, true));
        assertEquals(EngineDownload.ALLOWED, EngineDownload.of(true, false));
        assertEquals(EngineDownload.NOT_ASKED, EngineDownload.of(false, false));
    }

    @Test
    void cpuNeverProbes() {
        ForkDevice device = DeviceSetting.CPU.choose(() -> fail("cpu must not probe for a GPU"), NOT_ASKED,
                EngineDownload.ALLOWED);
        assertEquals(ForkDevice.cpu("lab.device is cpu", false), device);
    }

    @Test
    void gpuFailsBeforeTrainingForEachMissingPieceNamingTheFix() {
        assertEquals("gpu", DeviceSetting.GPU.choose(GPU, CACHED, EngineDownload.NOT_ASKED).cliDevice());
        assertEquals("lab.device is gpu, but this machine has no NVIDIA GPU (nvidia-smi -L failed and"
                + " /proc/driver/nvidia/gpus lists none); install the NVIDIA driver, or use -Dlab.device=auto or cpu",
                assertThrows(IllegalArgumentException.class,
                        () -> DeviceSetting.GPU.choose(NO_GPU, NOT_ASKED, EngineDownload.NOT_ASKED)).getMessage());
        for (Supplier<GpuCheck> engine : List.of(NO_CUDA_RUNTIME, NOT_CACHED)) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> DeviceSetting.GPU.choose(GPU, engine, EngineDownload.OFFLINE)).getMessage();
            assertTrue(message.startsWith("lab.device is gpu, but the GPU cannot be used: nvidia-smi -L: GPU 0: NVIDIA H100"),
                    message);
            assertTrue(message.endsWith(", or use -Dlab.device=auto or cpu"), message);
        }
    }

    @Test
    void theGpuCheckLinesAreRead() {
        GpuCheck check = GpuCheck.parse(List.of("gpus=2", "cudaVersion=124", "libtorchVersion=2.7.1", "classifier=linux-x86_64",
                "flavor=cu128", "libtorchDir=" + DIR, "cached=false"));
        assertEquals(new GpuCheck(2, "124", "2.7.1", "cu128", DIR, false), check);
        assertEquals("12.4", check.cudaRuntime());
        assertEquals("the GPU check printed no flavor= line", assertThrows(IllegalArgumentException.class,
                () -> GpuCheck.parse(List.of("gpus=0", "cudaVersion=", "libtorchVersion=2.7.1", "libtorchDir=/x",
                        "cached=false"))).getMessage());
    }

    @Test
    void parsesCaseInsensitivelyAndNamesBadValues() {
        assertEquals(DeviceSetting.GPU, DeviceSetting.parse(" GPU "));
        assertEquals("lab.device is 'tpu', expected auto, cpu or gpu",
                assertThrows(IllegalArgumentException.class, () -> DeviceSetting.parse("tpu")).getMessage());
    }
}
