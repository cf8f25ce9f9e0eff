package io.github.mnistlab.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Turns a picture of one handwritten digit (PNG or JPEG, any size, dark ink on light paper or the
 * reverse) into an MNIST-style 28×28 digit: grey-scale, white ink on black, the ink's bounding box
 * scaled to fit 20×20 and centred on its centre of mass, as the MNIST digits were prepared.
 */
public final class DigitPictures {
    private DigitPictures() {
    }

    /** The 784 pixels (0..255, ink bright) of the digit in {@code file}. */
    public static byte[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " does not exist or is not a file");
        }
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IllegalArgumentException(file + " is not a PNG or JPEG image (it could not be decoded);"
                    + " give a picture of one digit");
        }
        return toMnist(image);
    }

    /** The 784 pixels of the digit in {@code image}. */
    public static byte[] toMnist(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] grey = new int[w * h];
        long border = 0;
        int borderCount = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int alpha = rgb >>> 24;
                int lum = ((rgb >> 16 & 0xff) * 299 + (rgb >> 8 & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
                // Transparent pixels count as paper: blend onto white.
                lum = (lum * alpha + 255 * (255 - alpha)) / 255;
                grey[y * w + x] = lum;
                if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                    border += lum;
                    borderCount++;
                }
            }
        }
        boolean lightPaper = border / (double) borderCount > 127;
        int minX = w;
        int minY = h;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int ink = lightPaper ? 255 - grey[y * w + x] : grey[y * w + x];
                grey[y * w + x] = ink;
                if (ink > 40) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        byte[] out = new byte[DigitImages.PIXELS];
        if (maxX < 0) {
            return out; // blank picture
        }
        int bw = maxX - minX + 1;
        int bh = maxY - minY + 1;
        BufferedImage ink = new BufferedImage(bw, bh, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                int v = grey[(minY + y) * w + minX + x];
                ink.getRaster().setSample(x, y, 0, v);
            }
        }
        double scale = 20.0 / Math.max(bw, bh);
        int sw = Math.max(1, (int) Math.round(bw * scale));
        int sh = Math.max(1, (int) Math.round(bh * scale));
        // Like MNIST: the ink fitted into 20×20, then placed so that its centre of mass is the image centre.
        BufferedImage fitted = new BufferedImage(sw, sh, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = fitted.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(ink, 0, 0, sw, sh, null);
        g.dispose();
        double mass = 0;
        double cx = 0;
        double cy = 0;
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int v = fitted.getRaster().getSample(x, y, 0);
                mass += v;
                cx += x * v;
                cy += y * v;
            }
        }
        int offX = (int) Math.round(DigitImages.SIDE / 2.0 - (mass > 0 ? cx / mass : sw / 2.0) - 0.5);
        int offY = (int) Math.round(DigitImages.SIDE / 2.0 - (mass > 0 ? cy / mass : sh / 2.0) - 0.5);
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int tx = x + offX;
                int ty = y + offY;
                if (tx >= 0 && ty >= 0 && tx < DigitImages.SIDE && ty < DigitImages.SIDE) {
                    out[ty * DigitImages.SIDE + tx] = (byte) fitted.getRaster().getSample(x, y, 0);
                }
            }
        }
        return out;
    }
}
