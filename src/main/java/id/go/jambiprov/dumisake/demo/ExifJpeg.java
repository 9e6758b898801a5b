package id.go.jambiprov.dumisake.demo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * Writes what a phone camera writes into a JPEG: an EXIF APP1 segment with DateTimeOriginal and, when given, a
 * GPS point, placed right after the start-of-image marker. The JDK writes no EXIF and no library on the classpath
 * does, and the segment is small: IFD0 pointing to an Exif IFD and a GPS IFD, big-endian. The demo photos and the
 * photo tests use it.
 */
public final class ExifJpeg {

    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
    private static final int ENTRY = 12;
    private static final short ASCII = 2;
    private static final short LONG = 4;
    private static final short RATIONAL = 5;
    private static final short BYTE = 1;

    private ExifJpeg() {
    }

    /**
     * @param jpeg      a JPEG without EXIF (as ImageIO writes it)
     * @param takenAt   the camera's local time for DateTimeOriginal, or null for none
     * @param latitude  degrees north (negative: south), or null for no GPS point (then longitude is ignored)
     * @param longitude degrees east (negative: west)
     */
    public static byte[] withExif(byte[] jpeg, LocalDateTime takenAt, Double latitude, Double longitude) {
        if (jpeg.length < 2 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new IllegalArgumentException("Not a JPEG");
        }
        byte[] tiff = tiff(takenAt, latitude, longitude);
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + tiff.length + 10);
        out.write(0xFF);
        out.write(0xD8);
        int length = 2 + 6 + tiff.length;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] tiff(LocalDateTime takenAt, Double latitude, Double longitude) {
        boolean gps = latitude != null && longitude != null;
        boolean date = takenAt != null;
        int ifd0Entries = (date ? 1 : 0) + (gps ? 1 : 0);
        int ifd0 = 8;
        int exif = ifd0 + ifdSize(ifd0Entries);
        int dateValue = exif + ifdSize(1);
        int gpsIfd = date ? dateValue + 20 : exif;
        int latitudeValue = gpsIfd + ifdSize(5);
        int longitudeValue = latitudeValue + 24;
        ByteBuffer b = ByteBuffer.allocate(gps ? longitudeValue + 24 : gpsIfd);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0);
        b.putShort((short) ifd0Entries);
        if (date) {
            entry(b, 0x8769, LONG, 1, exif);
        }
        if (gps) {
            entry(b, 0x8825, LONG, 1, gpsIfd);
        }
        b.putInt(0);
        if (date) {
            b.putShort((short) 1);
            entry(b, 0x9003, ASCII, 20, dateValue);
            b.putInt(0);
            b.put(Arrays.copyOf(EXIF_TIME.format(takenAt).getBytes(StandardCharsets.US_ASCII), 20));
        }
        if (gps) {
            b.putShort((short) 5);
            entry(b, 0x0000, BYTE, 4, 0x02020000);
            entry(b, 0x0001, ASCII, 2, (latitude < 0 ? 'S' : 'N') << 24);
            entry(b, 0x0002, RATIONAL, 3, latitudeValue);
            entry(b, 0x0003, ASCII, 2, (longitude < 0 ? 'W' : 'E') << 24);
            entry(b, 0x0004, RATIONAL, 3, longitudeValue);
            b.putInt(0);
            degreesMinutesSeconds(b, Math.abs(latitude));
            degreesMinutesSeconds(b, Math.abs(longitude));
        }
        return b.array();
    }

    private static int ifdSize(int entries) {
        return 2 + entries * ENTRY + 4;
    }

    /** One IFD entry; a value of four bytes or fewer sits in the entry itself, left-aligned. */
    private static void entry(ByteBuffer b, int tag, short type, int count, int valueOrOffset) {
        b.putShort((short) tag).putShort(type).putInt(count).putInt(valueOrOffset);
    }

    /** Degrees, minutes and seconds as three rationals, the seconds to a ten-thousandth (about 3 mm). */
    private static void degreesMinutesSeconds(ByteBuffer b, double value) {
        int degrees = (int) value;
        double minutesExact = (value - degrees) * 60;
        int minutes = (int) minutesExact;
        long seconds = Math.round((minutesExact - minutes) * 60 * 10_000);
        b.putInt(degrees).putInt(1).putInt(minutes).putInt(1).putInt((int) seconds).putInt(10_000);
    }
}
