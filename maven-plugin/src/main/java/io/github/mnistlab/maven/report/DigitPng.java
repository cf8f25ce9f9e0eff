package io.github.mnistlab.maven.report;

import io.github.mnistlab.data.DigitImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * One MNIST digit as a PNG {@code data:} URI, scaled 28→56 pixel by pixel and drawn dark on white
 * (so it prints), for the report's galleries.
 */
public final class DigitPng {
    /** The pictures' side in pixels. */
    public static final int SIDE = 2 * DigitImages.SIDE;

    private DigitPng() {
    }

    /** A PNG file as a data URI, or null when the file cannot be read (the page then says so). */
    public static Raw fileUri(java.nio.file.Path png) {
        try {
            return new Raw("data:image/png;base64," + Base64.getEncoder().encodeToString(java.nio.file.Files.readAllBytes(png)));
        } catch (IOException e) {
            return null;
        }
    }

    /** Digit {@code index} of {@code images}. */
    public static Raw dataUri(DigitImages images, int index) {
        int side = DigitImages.SIDE;
        BufferedImage picture = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        int offset = index * DigitImages.PIXELS;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int ink = images.pixels()[offset + (y / 2) * side + x / 2] & 0xff;
                int grey = 255 - ink;
                picture.getRaster().setSample(x, y, 0, grey);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a digit as PNG", e);
        }
        return new Raw("data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()));
    }
}
