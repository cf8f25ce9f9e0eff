package io.github.mnistlab.run;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws a CNN's kernels and feature maps as picture grids (plain Java imaging, PNG): one cell per
 * channel, {@value #COLUMNS} cells to a row, on a light grey ground.
 */
final class PictureGrid {
    /** Cells per row. */
    static final int COLUMNS = 8;
    private static final int GAP = 2;
    private static final int GROUND = 0xDDDDDD;

    private PictureGrid() {
    }

    /**
     * Kernels {@code (channels, 1, k, k)} as squares of {@code k × k} weights, each weight a block of
     * pixels: white at 0, full red at {@code +maxAbs}, full blue at {@code −maxAbs}.
     */
    static BufferedImage kernels(float[] weights, int channels, int k, double maxAbs) {
        int pixel = Math.max(4, 30 / k);
        BufferedImage image = ground(channels, k * pixel);
        for (int c = 0; c < channels; c++) {
            int x0 = cellX(c, k * pixel);
            int y0 = cellY(c, k * pixel);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    int rgb = diverging(weights[(c * k + i) * k + j] / maxAbs);
                    for (int dy = 0; dy < pixel; dy++) {
                        for (int dx = 0; dx < pixel; dx++) {
                            image.setRGB(x0 + j * pixel + dx, y0 + i * pixel + dy, rgb);
                        }
                    }
                }
            }
        }
        return image;
    }

    /** Maps {@code (channels, side, side)} as grey squares, each from its own minimum (black) to maximum (white). */
    static BufferedImage maps(float[] maps, int offset, int channels, int side) {
        int scale = Math.max(1, 56 / side);
        BufferedImage image = ground(channels, side * scale);
        for (int c = 0; c < channels; c++) {
            int base = offset + c * side * side;
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int p = 0; p < side * side; p++) {
                min = Math.min(min, maps[base + p]);
                max = Math.max(max, maps[base + p]);
            }
            float range = max > min ? max - min : 1;
            int x0 = cellX(c, side * scale);
            int y0 = cellY(c, side * scale);
            for (int p = 0; p < side * side; p++) {
                int grey = Math.round(255 * (maps[base + p] - min) / range);
                int rgb = grey << 16 | grey << 8 | grey;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(x0 + (p % side) * scale + dx, y0 + (p / side) * scale + dy, rgb);
                    }
                }
            }
        }
        return image;
    }

    /** The image as PNG bytes. */
    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** White at 0, towards red (v &gt; 0) or blue (v &lt; 0), saturated at |v| ≥ 1. */
    static int diverging(double v) {
        double a = Math.min(1, Math.abs(v));
        int fade = (int) Math.round(255 * (1 - a));
        return v >= 0 ? 0xFF0000 | fade << 8 | fade : fade << 16 | fade << 8 | 0xFF;
    }

    private static BufferedImage ground(int channels, int cell) {
        int columns = Math.min(COLUMNS, channels);
        int rows = (channels + COLUMNS - 1) / COLUMNS;
        BufferedImage image = new BufferedImage(columns * (cell + GAP) + GAP, rows * (cell + GAP) + GAP,
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, GROUND);
            }
        }
        return image;
    }

    private static int cellX(int c, int cell) {
        return GAP + (c % COLUMNS) * (cell + GAP);
    }

    private static int cellY(int c, int cell) {
        return GAP + (c / COLUMNS) * (cell + GAP);
    }
}
