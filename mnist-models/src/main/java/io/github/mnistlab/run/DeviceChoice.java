package io.github.mnistlab.run;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/** Where to train: {@code auto} (a GPU when the engine sees one, else the CPU), {@code cpu} or {@code gpu}. */
public enum DeviceChoice {
    AUTO,
    CPU,
    GPU;

    /** Parses {@code auto|cpu|gpu}, case-insensitively. */
    public static DeviceChoice parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device '" + name + "' is not known; use auto, cpu or gpu", e);
        }
    }

    /**
     * The device this choice means on {@code engine}.
     *
     * @throws IllegalArgumentException for {@code gpu} when the engine sees none
     */
    public Device resolve(Engine engine) {
        return switch (this) {
            case CPU -> Device.cpu();
            case AUTO -> engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (engine.getGpuCount() == 0) {
                    throw new IllegalArgumentException("device gpu was asked for, but the " + engine.getEngineName()
                            + " engine sees no GPU (is a CUDA build of libtorch in use and a driver installed?);"
                            + " use device auto or cpu");
                }
                yield Device.gpu();
            }
        };
    }
}
