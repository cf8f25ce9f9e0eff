package io.github.mnistlab.cli;

import ai.djl.util.Platform;
import ai.djl.util.Utils;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code gpu-check}: what DJL's PyTorch engine would find for a GPU, without starting it (no libtorch
 * is loaded): the GPUs and CUDA runtime that DJL's own CUDA utilities see, the CUDA builds of
 * libtorch that this DJL's JNI bridge supports, and whether one of them is in DJL's cache. Prints
 * {@code key=value} lines for the Maven plugin, which decides with them where to train.
 */
@Command(name = "gpu-check", mixinStandardHelpOptions = true,
        description = "Print what the PyTorch engine would find for a GPU (without loading libtorch).")
final class GpuCheckCommand implements Callable<Integer> {
    private static final Pattern CUDA_FLAVOR = Pattern.compile("jnilib/([^/]+)/(cu\\d+)/.*");
    /** A libtorch version as DJL names its cache directories: without a native jar's build suffix ({@code -20250812}). */
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+(-[a-z]+)?)(-SNAPSHOT)?(-\\d+)?");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int gpus = CudaUtils.getGpuCount();
        out.println("gpus=" + gpus);
        out.println("cudaVersion=" + (gpus > 0 ? CudaUtils.getCudaVersionString() : ""));
        Platform platform = Platform.detectPlatform("pytorch");
        String classifier = platform.getClassifier();
        Matcher version = VERSION.matcher(platform.getVersion());
        String libtorch = version.matches() ? version.group(1) : platform.getVersion();
        out.println("libtorchVersion=" + libtorch);
        out.println("classifier=" + classifier);
        List<String> flavors = cudaFlavors(classifier);
        Path cache = Utils.getEngineCacheDir("pytorch");
        String flavor = flavors.isEmpty() ? "" : flavors.get(flavors.size() - 1);
        Path dir = cache.resolve(libtorch + "-" + flavor + "-" + classifier);
        out.println("flavor=" + flavor);
        out.println("libtorchDir=" + dir.toAbsolutePath());
        out.println("cached=" + (!flavor.isEmpty() && Files.isRegularFile(dir.resolve(System.mapLibraryName("torch")))));
        out.flush();
        return 0;
    }

    /** The CUDA flavors ({@code cu128}…) whose JNI library the {@code pytorch-jni} jar carries for {@code classifier}. */
    static List<String> cudaFlavors(String classifier) {
        URL properties = GpuCheckCommand.class.getResource("/jnilib/pytorch.properties");
        if (properties == null) {
            return List.of();
        }
        try {
            URLConnection connection = properties.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                return List.of();
            }
            TreeSet<String> flavors = new TreeSet<>();
            try (JarFile file = new JarFile(Path.of(jar.getJarFileURL().toURI()).toFile())) {
                file.stream().forEach(entry -> {
                    Matcher m = CUDA_FLAVOR.matcher(entry.getName());
                    if (m.matches() && m.group(1).equals(classifier)) {
                        flavors.add(m.group(2));
                    }
                });
            }
            return List.copyOf(flavors);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the PyTorch JNI jar", e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
