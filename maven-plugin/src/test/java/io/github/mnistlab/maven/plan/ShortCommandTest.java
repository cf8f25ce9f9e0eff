package io.github.mnistlab.maven.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Short commands answer, fail or are cut off at their limit: a hung {@code nvidia-smi} cannot hang the build. */
@DisabledOnOs(OS.WINDOWS)
class ShortCommandTest {
    @TempDir
    Path dir;

    private Path script(String name, String body) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void aStandInNvidiaSmiThatNeverExitsIsCutOffAtTheLimit() throws Exception {
        Path hung = script("nvidia-smi", "echo 'GPU 0: Stand-in (UUID: GPU-0)'; exec sleep 600");
        long start = System.nanoTime();

        GpuProbe probe = new GpuProbe.NvidiaSmi(hung.toString(), Duration.ofSeconds(1), dir.resolve("no-driver"));
        Optional<String> found = probe.find();

        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(Optional.empty(), found, "a probe that did not finish finds no GPU");
        assertEquals(Optional.of("nvidia-smi -L did not answer within 1 s (a hung NVIDIA driver?)"), probe.unanswered());
        assertTrue(seconds < 10, "returned after " + seconds + " s, not when the command ends");
        // the device choice warns and trains on the CPU
        DeviceSetting.ForkDevice device = DeviceSetting.AUTO.choose(probe, () -> {
            throw new AssertionError("DJL's check is not asked without a GPU");
        }, DeviceSetting.EngineDownload.NOT_ASKED);
        assertTrue(device.warning() && !device.gpu(), device.toString());
        assertTrue(device.reason().startsWith("nvidia-smi -L did not answer within 1 s"), device.reason());
    }

    @Test
    void aStandInNvidiaSmiThatAnswersNamesTheFirstGpu() throws Exception {
        Path smi = script("nvidia-smi", "echo 'GPU 0: NVIDIA H100 (UUID: GPU-0)'; echo 'GPU 1: NVIDIA H100 (UUID: GPU-1)'");

        GpuProbe probe = new GpuProbe.NvidiaSmi(smi.toString(), Duration.ofSeconds(20), dir.resolve("no-driver"));
        assertEquals(Optional.of("nvidia-smi -L: GPU 0: NVIDIA H100 (UUID: GPU-0) and 1 more"), probe.find());
        assertEquals(Optional.empty(), probe.unanswered());
    }

    @Test
    void aFailingOrMissingCommandGivesNothing() throws Exception {
        Path failing = script("fails", "echo 'GPU 0: listed, then failed'; exit 9");

        assertEquals(Optional.empty(), new ShortCommand(List.of(failing.toString()), dir, Duration.ofSeconds(20)).output());
        assertEquals(Optional.empty(), new ShortCommand(List.of(dir.resolve("absent").toString()), dir,
                Duration.ofSeconds(20)).output());
        assertEquals(Optional.of("here\n"), new ShortCommand(List.of(script("ok", "echo here").toString()), dir,
                Duration.ofSeconds(20)).output());
    }
}
