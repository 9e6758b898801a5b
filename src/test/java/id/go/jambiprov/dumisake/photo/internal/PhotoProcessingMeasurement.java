package id.go.jambiprov.dumisake.photo.internal;

import id.go.jambiprov.dumisake.demo.ExifJpeg;
import id.go.jambiprov.dumisake.photo.PhotoReport;
import id.go.jambiprov.dumisake.photo.PhotoUpload;
import id.go.jambiprov.dumisake.photo.TestImages;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of docs/benchmarks.md for field photos, measured on demand (not a timed test):
 * {@code ./mvnw -o -q -B test -Dtest=PhotoProcessingMeasurement -Dphoto.measure=true}. Prints the heap around
 * refused uploads (60 MP header, 10 MB non-image) and the time to process a ~5 MB, 12-megapixel JPEG.
 */
@EnabledIfSystemProperty(named = "photo.measure", matches = "true")
class PhotoProcessingMeasurement {

    private static final PhotoReport REPORT = new PhotoReport(1, 2, "Rehab sekolah", 2026, 5, "15.01.16", "Siulak",
            "DISDIK", "Dinas Pendidikan", false);
    private static final int RUNS = 10;

    private final PhotoProcessor processor = new PhotoProcessor(new KecamatanBoundaries(JsonMapper.builder().build()));

    @Test
    void refusalsLeaveTheHeapAsItWas() {
        byte[] sixtyMegapixels = TestImages.jpegClaiming(8000, 7500);
        byte[] tenMegabytesOfText = new byte[10 * 1024 * 1024];
        Arrays.fill(tenMegabytesOfText, (byte) 'x');
        refuse(sixtyMegapixels);
        refuse(tenMegabytesOfText);

        long heapBefore = usedHeapAfterGc();
        long allocatedHeader = PhotoProcessingTest.allocatedBytes(() -> {
            for (int i = 0; i < 100; i++) {
                refuse(sixtyMegapixels);
            }
        });
        long allocatedText = PhotoProcessingTest.allocatedBytes(() -> {
            for (int i = 0; i < 100; i++) {
                refuse(tenMegabytesOfText);
            }
        });
        long heapAfter = usedHeapAfterGc();
        System.out.printf("60 MP JPEG header (%d bytes): %.1f KB allocated per refusal%n", sixtyMegapixels.length,
                allocatedHeader / 100 / 1024.0);
        System.out.printf("10 MB non-image: %.1f KB allocated per refusal%n", allocatedText / 100 / 1024.0);
        System.out.printf("Heap used after GC: %.1f MB before 200 refusals, %.1f MB after (max heap %d MB)%n",
                heapBefore / 1048576.0, heapAfter / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);
    }

    @Test
    void aFiveMegabyteJpegIsProcessedWithinASecond() throws IOException {
        byte[] jpeg = ExifJpeg.withExif(fiveMegabyteJpeg(), LocalDateTime.of(2026, 5, 14, 9, 30), -1.978673, 101.293313);
        for (int i = 0; i < 3; i++) {
            processor.process(new PhotoUpload("warm.jpg", jpeg), REPORT);
        }
        long[] millis = new long[RUNS];
        long[] cpuMillis = new long[RUNS];
        long allocated = 0;
        var threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            allocated += PhotoProcessingTest.allocatedBytes(
                    () -> processor.process(new PhotoUpload("foto.jpg", jpeg), REPORT));
            cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000;
            millis[i] = (System.nanoTime() - started) / 1_000_000;
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        // on a shared machine the wall clock counts the waits for a core; the thread's CPU time is the work itself
        System.out.printf("%.2f MB JPEG, 4000×3000, EXIF with GPS, over %d runs: wall median %d ms (max %d), "
                        + "CPU median %d ms (max %d); %.0f MB allocated per photo%n", jpeg.length / 1048576.0, RUNS,
                millis[RUNS / 2], millis[RUNS - 1], cpuMillis[RUNS / 2], cpuMillis[RUNS - 1],
                allocated / (double) RUNS / 1048576);
        assertThat(jpeg.length).isBetween(4_500_000, 6_000_000);
    }

    private void refuse(byte[] file) {
        try {
            processor.process(new PhotoUpload("f.jpg", file), REPORT);
            throw new AssertionError("not refused");
        } catch (BusinessRuleException expected) {
            // refused, as it should
        }
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** A 12-megapixel picture with fine detail (noise over gradients), which compresses like a phone photo. */
    private static byte[] fiveMegabyteJpeg() throws IOException {
        BufferedImage image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(15);
        for (int y = 0; y < 3000; y++) {
            for (int x = 0; x < 4000; x++) {
                int noise = random.nextInt(48);
                int r = Math.min(255, x * 200 / 4000 + noise);
                int g = Math.min(255, y * 200 / 3000 + noise);
                int b = Math.min(255, 80 + noise);
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.90f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
