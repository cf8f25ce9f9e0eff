package io.github.mnistlab.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Prints what the trainer would use and why, without training: the one {@code Device:} line that
 * {@code train} logs — the GPU that {@code nvidia-smi -L} lists (or that it did not answer), the CUDA
 * runtime DJL finds, whether the CUDA build of libtorch is in DJL's cache or may be downloaded
 * ({@code lab.gpuDownload}), and the fix for what is missing. With {@code lab.device=gpu} it fails
 * as {@code train} would. Nothing is downloaded.
 *
 * <pre>{@code mvn lab:gpu-check}</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "gpu-check", threadSafe = true)
public class GpuCheckMojo extends AbstractForkMojo {
    @Override
    protected void executeLab() throws MojoExecutionException {
        trainerFork();
    }
}
