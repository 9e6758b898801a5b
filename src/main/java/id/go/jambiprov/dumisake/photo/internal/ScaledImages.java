package id.go.jambiprov.dumisake.photo.internal;

import id.go.jambiprov.dumisake.photo.domain.ImageType;
import id.go.jambiprov.dumisake.photo.domain.PhotoPolicy;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The pixel work of a field photo with the JDK's ImageIO and Java 2D: its dimensions read from the header (no
 * pixel decoded, so that a 60-megapixel file costs nothing before it is refused), then one decode subsampled to
 * just above the display size, turned upright, and scaled down in halving steps to the display size and the
 * thumbnail, both written as JPEG. Streams stay in memory: ImageIO's default would spill to temporary files.
 */
final class ScaledImages {

    private static final float JPEG_QUALITY = 0.85f;

    private ScaledImages() {
    }

    /** The width and height the file's header states. */
    static int[] dimensions(byte[] image, ImageType type) {
        return withReader(image, type, reader -> new int[] {reader.getWidth(0), reader.getHeight(0)});
    }

    /**
     * The display size and the thumbnail of an image whose dimensions passed {@link PhotoPolicy}.
     *
     * @param orientation the EXIF orientation to undo
     */
    static Scaled scale(byte[] image, ImageType type, int orientation) {
        BufferedImage decoded = withReader(image, type, reader -> {
            int longest = Math.max(reader.getWidth(0), reader.getHeight(0));
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, longest / PhotoPolicy.DISPLAY_EDGE);
            param.setSourceSubsampling(step, step, 0, 0);
            return reader.read(0, param);
        });
        BufferedImage display = upright(shrunk(decoded, PhotoPolicy.DISPLAY_EDGE), orientation);
        BufferedImage thumbnail = shrunk(display, PhotoPolicy.THUMBNAIL_EDGE);
        return new Scaled(jpeg(display), jpeg(thumbnail));
    }

    /** The display size and the thumbnail, as JPEG bytes. */
    record Scaled(byte[] display, byte[] thumbnail) {
    }

    private interface ReaderWork<T> {
        T apply(ImageReader reader) throws IOException;
    }

    private static <T> T withReader(byte[] image, ImageType type, ReaderWork<T> work) {
        ImageReader reader = ImageIO.getImageReadersByFormatName(type.formatName()).next();
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
            reader.setInput(input, true, true);
            return work.apply(reader);
        } catch (IOException | RuntimeException unreadable) {
            // a damaged file, or a JPEG in a colour model ImageIO does not decode (CMYK)
            throw new BusinessRuleException("PHOTO_UNREADABLE", "photo.error.unreadable");
        } finally {
            reader.dispose();
        }
    }

    /**
     * Scaled to fit {@code maxEdge} in steps of at most half (one bilinear step over a larger factor would skip
     * pixels and shimmer), onto white so that a transparent PNG becomes a plain RGB picture.
     */
    private static BufferedImage shrunk(BufferedImage source, int maxEdge) {
        int[] target = PhotoPolicy.scaledSize(source.getWidth(), source.getHeight(), maxEdge);
        BufferedImage current = source;
        do {
            int width = Math.max(target[0], current.getWidth() / 2);
            int height = Math.max(target[1], current.getHeight() / 2);
            current = drawn(current, width, height);
        } while (current.getWidth() != target[0] || current.getHeight() != target[1]);
        return current;
    }

    private static BufferedImage drawn(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Turned as EXIF orientation 3, 6 or 8 asks (phones store portraits lying on their side); else as it is. */
    private static BufferedImage upright(BufferedImage image, int orientation) {
        int quarterTurns = switch (orientation) {
            case 3 -> 2;
            case 6 -> 1;
            case 8 -> 3;
            default -> 0;
        };
        if (quarterTurns == 0) {
            return image;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        boolean sideways = quarterTurns % 2 == 1;
        BufferedImage turned = new BufferedImage(sideways ? height : width, sideways ? width : height,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        try {
            // the turn about the origin, then back into the picture: exact on whole pixels, odd sizes too
            switch (quarterTurns) {
                case 1 -> g.translate(height, 0);
                case 2 -> g.translate(width, height);
                default -> g.translate(0, width);
            }
            g.rotate(quarterTurns * Math.PI / 2);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
