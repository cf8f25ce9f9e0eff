package io.github.mnistlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mnistlab.data.DigitImages;
import io.github.mnistlab.data.DigitPictures;
import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.data.RealMnist;
import io.github.mnistlab.spec.Presets;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pictures of real test digits, written as a user would draw them (dark on light, larger), predicted by a trained run. */
@Tag("training")
class PredictorTest {
    @TempDir
    Path dir;

    /** Test digit {@code i} as a 56×56 PNG, black ink on white paper. */
    private Path picture(DigitImages set, int i) throws Exception {
        BufferedImage img = new BufferedImage(56, 56, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 56; y++) {
            for (int x = 0; x < 56; x++) {
                int ink = set.pixels()[i * 784 + (y / 2) * 28 + x / 2] & 0xff;
                int paper = 255 - ink;
                img.setRGB(x, y, paper << 16 | paper << 8 | paper);
            }
        }
        Path file = dir.resolve("digit-" + i + ".png");
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    @Test
    void picturesAreNormalizedLikeMnist() throws Exception {
        DigitImages test = RealMnist.dataset().test();
        byte[] digit = DigitPictures.read(picture(test, 0));
        int ink = 0;
        for (byte b : digit) {
            ink += (b & 0xff) > 128 ? 1 : 0;
        }
        assertTrue(ink > 40 && ink < 400, "bright ink pixels: " + ink);
        assertEquals(0, digit[0] & 0xff, "the corner is background (dark), as in MNIST");
    }

    @Test
    void trainedRunsPredictDigitsAndSums() throws Exception {
        MnistDataset data = RealMnist.dataset();
        ExperimentRunner runner = ExperimentRunner.create(DeviceChoice.CPU, line -> { }, 60);
        runner.run("digits", Presets.get("cnn-lenet").toBuilder().limit(20_000).epochs(1).build(), data, dir.resolve("digits"));
        runner.run("scratch", Presets.get("mlp-scratch").toBuilder().limit(10_000).epochs(2).learningRate(0.5f).build(),
                data, dir.resolve("scratch"));

        List<Path> pictures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pictures.add(picture(data.test(), i));
        }
        List<Prediction> digits = Predictor.predict(dir.resolve("digits"), pictures);
        List<Prediction> scratch = Predictor.predict(dir.resolve("scratch"), pictures);

        assertEquals(20, digits.size());
        int right = 0;
        int rightScratch = 0;
        for (int i = 0; i < 20; i++) {
            right += digits.get(i).predicted() == data.test().label(i) ? 1 : 0;
            rightScratch += scratch.get(i).predicted() == data.test().label(i) ? 1 : 0;
        }
        assertTrue(right >= 17, right + " of 20 pictures right");
        assertTrue(rightScratch >= 15, rightScratch + " of 20 pictures right (scratch engine)");
        assertEquals(List.of(pictures.get(3).toString()), digits.get(3).files());

        Path notAnImage = Files.writeString(dir.resolve("notes.png"), "not a picture");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Predictor.predict(dir.resolve("digits"), List.of(notAnImage)));
        assertEquals(notAnImage + " is not a PNG or JPEG image (it could not be decoded); give a picture of one digit",
                e.getMessage());
    }
}
