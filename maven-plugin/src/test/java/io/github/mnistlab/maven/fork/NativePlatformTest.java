package io.github.mnistlab.maven.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The libtorch build chosen for each platform, from the JVM's own os.name and os.arch values. */
class NativePlatformTest {
    @ParameterizedTest(name = "{0} / {1} → {2}")
    @CsvSource({
        "Linux, amd64, linux-x86_64",
        "Linux, x86_64, linux-x86_64",
        "Linux, aarch64, linux-aarch64",
        "Mac OS X, aarch64, osx-aarch64",
        "Windows 11, amd64, win-x86_64",
        "Windows Server 2022, amd64, win-x86_64"})
    void eachSupportedPlatformGetsItsClassifier(String osName, String osArch, String classifier) {
        assertEquals(classifier, NativePlatform.of(osName, osArch).classifier());
    }

    @ParameterizedTest(name = "{0} / {1} is not supported")
    @CsvSource({"Mac OS X, x86_64", "Windows 11, aarch64", "FreeBSD, amd64", "Linux, ppc64le"})
    void anUnsupportedPlatformIsNamedWithTheSupportedOnes(String osName, String osArch) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativePlatform.of(osName, osArch));
        assertTrue(e.getMessage().startsWith("this machine is " + osName + " on " + osArch + ", for which libtorch"),
                e.getMessage());
        assertTrue(e.getMessage().contains("supported: Linux on x86-64 (linux-x86_64), Linux on ARM64 (linux-aarch64),"
                + " macOS on Apple silicon (osx-aarch64), Windows on x86-64 (win-x86_64)"), e.getMessage());
    }
}
