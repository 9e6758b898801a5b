package id.go.jambiprov.dumisake.photo;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Real JPEG and PNG files made in the tests, and a JPEG whose header claims dimensions its pixels do not have. */
public final class TestImages {

    /** A point in Siulak (15.01.16, Kerinci). */
    public static final GeoPoint SIULAK = new GeoPoint(-1.978673, 101.293313);
    /** A point in Telanaipura (15.71.01, Kota Jambi). */
    public static final GeoPoint TELANAIPURA = new GeoPoint(-1.595057, 103.562535);

    private TestImages() {
    }

    public static byte[] jpeg(int width, int height) {
        return encoded(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encoded(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    /**
     * A small real JPEG whose start-of-frame header is rewritten to claim {@code width}×{@code height}: what a
     * 60-megapixel photo looks like to anything that reads only the header, at a few hundred bytes.
     */
    public static byte[] jpegClaiming(int width, int height) {
        byte[] jpeg = jpeg(16, 16);
        for (int i = 2; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && ((jpeg[i + 1] & 0xFF) == 0xC0 || (jpeg[i + 1] & 0xFF) == 0xC2)) {
                jpeg[i + 5] = (byte) (height >> 8);
                jpeg[i + 6] = (byte) height;
                jpeg[i + 7] = (byte) (width >> 8);
                jpeg[i + 8] = (byte) width;
                return jpeg;
            }
        }
        throw new IllegalStateException("No start-of-frame marker");
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2e7d32));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xf9a825));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encoded(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
