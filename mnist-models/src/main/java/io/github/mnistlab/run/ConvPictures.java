package io.github.mnistlab.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import io.github.mnistlab.data.DigitImages;
import io.github.mnistlab.model.Cnn;
import io.github.mnistlab.record.RunPictures;
import io.github.mnistlab.record.RunRecords;
import io.github.mnistlab.spec.ExperimentSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Records a CNN run's pictures (see {@link RunPictures}): the first layer's kernels after every epoch
 * (kept in memory, a few hundred floats each), of which the start, a few points in between and the
 * best epoch are drawn; and the feature maps of the first two convolution layers for the first
 * {@value #DIGITS} test digits with the kept parameters.
 */
final class ConvPictures {
    /** Test digits whose feature maps are drawn: the first of the test set, the same in every run. */
    static final int DIGITS = 4;
    /** The folder in the run directory. */
    static final String FOLDER = "pictures";

    private record Snapshot(long iteration, float[] weights) {
    }

    private final Block block;
    private final ExperimentSpec spec;
    private final Map<Integer, Snapshot> snapshots = new TreeMap<>();
    private int channels;
    private int kernel;

    ConvPictures(Block block, ExperimentSpec spec) {
        this.block = block;
        this.spec = spec;
    }

    /** Copies the first layer's kernels as they are after {@code epoch} (0: before training). */
    void snapshot(int epoch, long iteration) {
        NDArray weights = Cnn.firstKernels(block);
        channels = Math.toIntExact(weights.getShape().get(0));
        kernel = Math.toIntExact(weights.getShape().get(2));
        snapshots.put(epoch, new Snapshot(iteration, weights.toFloatArray()));
    }

    /**
     * The epochs whose kernels are drawn: 0, the quarters of the run (rounded), the last and the best.
     */
    static SortedSet<Integer> kernelEpochs(int epochs, int best) {
        SortedSet<Integer> chosen = new TreeSet<>(List.of(0, epochs));
        for (int quarter = 1; quarter < 4; quarter++) {
            chosen.add(Math.max(1, Math.round(quarter * epochs / 4f)));
        }
        if (best > 0) {
            chosen.add(best);
        }
        return chosen;
    }

    /**
     * Draws the pictures into {@code runDir/pictures} with the parameters the block holds now (the
     * kept ones) and returns their record.
     *
     * @param testImages the normalized test images on the device, {@code (n, 1, 28, 28)}
     * @param testDigits the same digits' labels
     */
    RunPictures write(Path runDir, int bestEpoch, NDArray testImages, DigitImages testDigits) {
        List<RunPictures.KernelPicture> kernels = new ArrayList<>();
        SortedSet<Integer> epochs = kernelEpochs(spec.epochs(), bestEpoch);
        epochs.retainAll(snapshots.keySet());
        double maxAbs = 1e-12;
        for (int epoch : epochs) {
            for (float w : snapshots.get(epoch).weights()) {
                maxAbs = Math.max(maxAbs, Math.abs(w));
            }
        }
        for (int epoch : epochs) {
            String file = FOLDER + "/kernels-epoch-" + epoch + ".png";
            save(runDir.resolve(file), PictureGrid.png(PictureGrid.kernels(snapshots.get(epoch).weights(), channels,
                    kernel, maxAbs)));
            kernels.add(new RunPictures.KernelPicture(epoch, snapshots.get(epoch).iteration(), epoch == bestEpoch, file,
                    channels, kernel, maxAbs));
        }
        List<RunPictures.FeatureMapPicture> maps = new ArrayList<>();
        int digits = Math.min(DIGITS, testDigits.count());
        try (NDArray images = testImages.get(new NDIndex("0:" + digits));
                NDList layers = Cnn.featureMaps(block, spec.stages(), images, 2)) {
            for (int layer = 1; layer <= layers.size(); layer++) {
                NDArray map = layers.get(layer - 1);
                int mapChannels = Math.toIntExact(map.getShape().get(1));
                int side = Math.toIntExact(map.getShape().get(2));
                float[] values = map.toFloatArray();
                for (int d = 0; d < digits; d++) {
                    String file = FOLDER + "/features-digit-" + d + "-layer-" + layer + ".png";
                    save(runDir.resolve(file), PictureGrid.png(PictureGrid.maps(values, d * mapChannels * side * side,
                            mapChannels, side)));
                    maps.add(new RunPictures.FeatureMapPicture(layer, d, testDigits.label(d), file, mapChannels, side));
                }
            }
        }
        maps.sort(java.util.Comparator.comparingInt(RunPictures.FeatureMapPicture::digit)
                .thenComparingInt(RunPictures.FeatureMapPicture::layer));
        return new RunPictures(kernels, maps);
    }

    private static void save(Path file, byte[] png) {
        try {
            RunRecords.writeAtomically(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
