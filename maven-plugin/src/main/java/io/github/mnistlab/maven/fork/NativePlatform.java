package io.github.mnistlab.maven.fork;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The platforms whose CPU build of libtorch Maven Central serves for DJL's PyTorch engine
 * ({@code ai.djl.pytorch:pytorch-native-cpu:2.7.1}, one jar per classifier; its JNI bridge
 * {@code pytorch-jni} carries all four). The forked trainer gets the one of the machine it runs on;
 * on any other platform DJL would try to download a build, which the fork forbids, so the build stops
 * before training and says so.
 */
public enum NativePlatform {
    LINUX_X86_64("linux-x86_64", "Linux on x86-64"),
    LINUX_AARCH64("linux-aarch64", "Linux on ARM64"),
    OSX_AARCH64("osx-aarch64", "macOS on Apple silicon"),
    WIN_X86_64("win-x86_64", "Windows on x86-64");

    private final String classifier;
    private final String description;

    NativePlatform(String classifier, String description) {
        this.classifier = classifier;
        this.description = description;
    }

    /** The Maven classifier of {@code pytorch-native-cpu} for this platform. */
    public String classifier() {
        return classifier;
    }

    /** The platform of this JVM. */
    public static NativePlatform current() {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /**
     * The platform of a JVM with these {@code os.name} and {@code os.arch} values.
     *
     * @throws IllegalArgumentException naming the platform and the supported ones
     */
    public static NativePlatform of(String osName, String osArch) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        String arch = osArch == null ? "" : osArch.toLowerCase(Locale.ROOT);
        boolean x86 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm = arch.equals("aarch64") || arch.equals("arm64");
        if (os.startsWith("linux") && x86) {
            return LINUX_X86_64;
        }
        if (os.startsWith("linux") && arm) {
            return LINUX_AARCH64;
        }
        if ((os.startsWith("mac") || os.startsWith("darwin")) && arm) {
            return OSX_AARCH64;
        }
        if (os.startsWith("windows") && x86) {
            return WIN_X86_64;
        }
        throw new IllegalArgumentException("this machine is " + osName + " on " + osArch + ", for which libtorch "
                + "(the PyTorch engine mnist-lab trains with) has no CPU build on Maven Central; supported: "
                + Arrays.stream(values()).map(p -> p.description + " (" + p.classifier + ")")
                        .collect(Collectors.joining(", "))
                + ". Train on one of those, e.g. in a Linux container or CI");
    }
}
