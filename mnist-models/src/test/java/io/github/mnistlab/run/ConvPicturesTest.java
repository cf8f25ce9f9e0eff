package io.github.mnistlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.data.RealMnist;
import io.github.mnistlab.record.EpochsCsv;
import io.github.mnistlab.record.RunPictures;
import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunRecords;
import io.github.mnistlab.spec.Presets;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small-CNN lab's pictures: kernels over training and feature maps, recorded by a real quick run. */
class ConvPicturesTest {
    @TempDir
    Path runs;

    @Test
    void kernelEpochsAreTheStartTheQuartersTheLastAndTheBest() {
        assertEquals(new TreeSet<>(List.of(0, 15, 30, 45, 60, 52)), ConvPictures.kernelEpochs(60, 52));
        assertEquals(new TreeSet<>(List.of(0, 1)), ConvPictures.kernelEpochs(1, 1));
        assertEquals(new TreeSet<>(List.of(0, 1, 2, 3)), ConvPictures.kernelEpochs(3, 2));
    }

    @Test
    void kernelColoursAreWhiteAtZeroRedPositiveBlueNegative() {
        assertEquals(0xFFFFFF, PictureGrid.diverging(0));
        assertEquals(0xFF0000, PictureGrid.diverging(1));
        assertEquals(0x0000FF, PictureGrid.diverging(-2));
        assertEquals(0xFF8080, PictureGrid.diverging(0.5));
    }

    @Test
    @Tag("training")
    void aCnnRunDrawsItsKernelsOverTrainingAndTheFeatureMapsOfItsFirstTwoLayers() throws Exception {
        System.setProperty("ai.djl.pytorch.num_threads", "2");
        MnistDataset data = RealMnist.dataset();
        List<String> log = new ArrayList<>();
        Path dir = runs.resolve("small");
        RunRecord r = ExperimentRunner.create(DeviceChoice.CPU, log::add, 60).run("small",
                Presets.get("cnn-small").toBuilder().epochs(3).limit(2000).validationSize(1000).learningRate(1e-3f).build(),
                data, dir);

        RunPictures pictures = RunRecords.read(dir).pictures();
        SortedSet<Integer> epochs = new TreeSet<>();
        for (RunPictures.KernelPicture k : pictures.kernels()) {
            epochs.add(k.epoch());
            assertEquals(4, k.channels());
            assertEquals(3, k.kernel());
            assertEquals(k.epoch() == r.bestEpoch(), k.best());
            BufferedImage image = png(dir.resolve(k.file()));
            assertEquals(4 * (3 * 10 + 2) + 2, image.getWidth(), "4 kernels of 3 × 3 weights, 10 pixels each");
        }
        assertEquals(ConvPictures.kernelEpochs(3, r.bestEpoch()), epochs);
        assertTrue(pictures.kernels().get(0).iteration() == 0 && pictures.kernels().get(3).iteration() == 3 * ((2000 + 127) / 128),
                pictures.kernels().toString());
        // kernels change while training: the first and last pictures differ
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(dir.resolve(pictures.kernels().get(0).file())),
                Files.readAllBytes(dir.resolve(pictures.kernels().get(3).file()))));

        assertEquals(2 * ConvPictures.DIGITS, pictures.featureMaps().size());
        int[] firstTestLabels = {7, 2, 1, 0};
        for (RunPictures.FeatureMapPicture m : pictures.featureMaps()) {
            assertEquals(m.layer() == 1 ? 4 : 8, m.channels());
            assertEquals(m.layer() == 1 ? 28 : 14, m.side());
            assertEquals(firstTestLabels[m.digit()], m.label());
            BufferedImage image = png(dir.resolve(m.file()));
            int scale = 56 / m.side();
            assertEquals(Math.min(8, m.channels()) * (m.side() * scale + 2) + 2, image.getWidth());
        }
        assertTrue(Files.readString(dir.resolve(EpochsCsv.FILE_NAME)).lines().count() == 4);
    }

    private static BufferedImage png(Path file) throws Exception {
        assertTrue(Files.isRegularFile(file), file.toString());
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " does not decode as an image");
        return image;
    }
}
