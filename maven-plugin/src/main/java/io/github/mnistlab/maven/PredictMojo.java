package io.github.mnistlab.maven;

import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunRecords;
import io.github.mnistlab.record.RunStatus;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Predicts PNG or JPEG images with a trained run, in a forked JVM: one digit per image for a digit
 * classifier, the sum of each pair of images for an adder. Writes
 * {@code target/lab/predictions/<run>.json} and logs one line per prediction.
 *
 * <pre>{@code mvn lab:predict -Dlab.run=digits -Dlab.images=samples/}</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "predict", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class PredictMojo extends AbstractForkMojo {
    /**
     * The run to predict with: an experiment id (its run in {@code target/lab/runs}) or a run directory.
     *
     * <pre>{@code <run>digits</run>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.run", required = true)
    private String run;

    /**
     * The images, comma-separated: PNG or JPEG files, or directories whose {@code .png}, {@code .jpg} and
     * {@code .jpeg} files are taken by name. An adder takes them in pairs, in this order.
     *
     * <pre>{@code
     * <images>
     *   <image>src/test/digits/seven.png</image>
     *   <image>src/test/pairs</image>
     * </images>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.images", required = true)
    private List<File> images;

    /**
     * The predictions file; default {@code <labDirectory>/predictions/<run>.json}.
     *
     * <pre>&lt;predictionsFile&gt;${project.build.directory}/sample-predictions.json&lt;/predictionsFile&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "lab.predictionsFile")
    private File predictionsFile;

    @Override
    protected void executeLab() throws MojoExecutionException, MojoFailureException {
        Path runDir = runDirectory();
        RunRecord record;
        try {
            record = RunRecords.read(runDir);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("run '" + run + "': " + e.getMessage());
        }
        if (record.status() != RunStatus.COMPLETE) {
            throw new MojoFailureException("run '" + run + "' is " + record.status() + ", not complete: it has no"
                    + " parameters to predict with; train it again");
        }
        List<Path> files = imageFiles();
        if (record.spec().model().isAdder() && files.size() % 2 != 0) {
            throw new MojoFailureException("run '" + run + "' adds pairs of digits, so it needs an even number of"
                    + " images, but got " + files.size() + "; they are paired in the order listed (directories by"
                    + " file name)");
        }
        Path out = predictionsFile != null ? predictionsFile.toPath()
                : lab().predictions(record.id());
        List<String> arguments = new ArrayList<>(List.of("predict", "--run", runDir.toString(), "--out", out.toString()));
        files.forEach(f -> arguments.add(f.toString()));
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new MojoExecutionException("could not create the directory of " + out, e);
        }
        trainerFork().run(device -> arguments, "run '" + run + "'");
        getLog().info("Predictions of " + files.size() + " image(s): " + out);
    }

    /** The run directory: {@code runs/<run>} when it exists, else {@code run} as a path. */
    private Path runDirectory() {
        Path byId = runsDirectory().resolve(run);
        if (Files.isDirectory(byId)) {
            return byId;
        }
        Path path = project().getBasedir().toPath().resolve(run);
        return Files.isDirectory(path) ? path : byId;
    }

    private List<Path> imageFiles() throws MojoFailureException {
        List<Path> files = new ArrayList<>();
        for (File image : images) {
            Path path = image.toPath();
            if (Files.isDirectory(path)) {
                try (Stream<Path> children = Files.list(path)) {
                    children.filter(PredictMojo::isImageName).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new MojoFailureException("could not list the images in " + path + ": " + e.getMessage());
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new MojoFailureException("image " + path + " does not exist");
            }
        }
        if (files.isEmpty()) {
            throw new MojoFailureException("no images to predict: " + images + " holds no .png, .jpg or .jpeg file");
        }
        return files;
    }

    private static boolean isImageName(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
    }
}
