import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;

/**
 * A JPEG as large as a field photo may be, for bench/heavy-paths.sh: gradients under noise, which JPEG compresses
 * badly, so that 4800 x 3600 at quality 0.82 is about 9.5 MB (the limit is 10 MB).
 * Usage: java bench/photo-jpeg.java WIDTH HEIGHT QUALITY FILE
 */
public class PhotoJpeg {
    public static void main(String[] args) throws Exception {
        int width = Integer.parseInt(args[0]);
        int height = Integer.parseInt(args[1]);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int noise = random.nextInt(90);
                int red = (x * 255 / width + noise) % 256;
                int green = (y * 255 / height + noise) % 256;
                int blue = ((x ^ y) + noise) % 256;
                image.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(Float.parseFloat(args[2]));
        try (ImageOutputStream out = ImageIO.createImageOutputStream(new File(args[3]))) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        System.out.println(args[3] + ": " + new File(args[3]).length() + " bytes");
    }
}
