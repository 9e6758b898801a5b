package id.go.jambiprov.dumisake.shared.tabular;

import id.go.jambiprov.dumisake.shared.tabular.TabularFileException.Reason;
import org.apache.commons.io.input.BoundedInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The parts of an uploaded workbook, measured before POI opens it: how many there are, how far each
 * inflates (counted, not taken from what the archive declares) and how many shared strings it brings.
 */
final class WorkbookParts {

    /** Far more than any real workbook's parts other than its sheets and shared strings. */
    private static final long PART_MAX = 8L * 1024 * 1024;
    private static final int ENTRIES_MAX = 1_000;
    /** The inflation ratio at which POI's ZipSecureFile takes a part for a zip bomb (its default 0.01). */
    private static final long INFLATE_MAX = 100;
    /** Distinct texts a row of a template may bring into the shared strings (a name, an address, a NIK …). */
    private static final int SHARED_STRINGS_PER_ROW = 6;
    private static final byte[] ITEM = {'<', 's', 'i'};

    private WorkbookParts() {
    }

    /** Inflates every part except the sheets (read as a stream later) to count its true size. */
    static void check(Path file, TabularLimits limits) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > ENTRIES_MAX) {
                throw new TabularFileException(Reason.NOT_EXCEL);
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                // POI refuses a part that inflates more than 1:100 while reading it (a zip bomb); said here
                // from the sizes the archive declares, it gets the message about size rather than "not Excel"
                if (entry.getCompressedSize() > 0 && entry.getSize() / entry.getCompressedSize() >= INFLATE_MAX) {
                    throw new TabularFileException(Reason.INFLATES_TOO_MUCH, INFLATE_MAX);
                }
                if (entry.getName().startsWith("xl/worksheets/")) {
                    // read as a stream later and counted then; a size declared too large is refused now
                    if (entry.getSize() > limits.maxUnpackedBytes()) {
                        throw new TabularFileException(Reason.UNPACKED_TOO_LARGE,
                                limits.maxUnpackedBytes() / (1024 * 1024));
                    }
                    continue;
                }
                boolean sharedStrings = entry.getName().equals("xl/sharedStrings.xml");
                try (InputStream part = capped(zip.getInputStream(entry), sharedStrings ? limits.maxTextChars() : PART_MAX)) {
                    if (!sharedStrings) {
                        part.transferTo(OutputStream.nullOutputStream());
                    } else if (items(part) > limits.maxRows() * SHARED_STRINGS_PER_ROW) {
                        // POI keeps each one as a string of its own: millions of tiny ones fill the heap
                        throw new TabularFileException(Reason.UNPACKED_TOO_LARGE, limits.maxTextChars() / (1024 * 1024));
                    }
                }
            }
        }
    }

    /** The number of {@code <si>} items in a shared-strings part, counted as it streams by. */
    private static long items(InputStream part) throws IOException {
        long items = 0;
        int matched = 0;
        byte[] buffer = new byte[64 * 1024];
        for (int read = part.read(buffer); read >= 0; read = part.read(buffer)) {
            for (int i = 0; i < read; i++) {
                byte b = buffer[i];
                if (matched == 3) {
                    if (b == '>' || b == '/' || b == ' ') {
                        items++;
                    }
                    matched = 0;
                }
                matched = b == ITEM[matched] ? matched + 1 : b == ITEM[0] ? 1 : 0;
            }
        }
        return items;
    }

    static InputStream capped(InputStream in, long max) throws IOException {
        return BoundedInputStream.builder().setInputStream(in).setMaxCount(max).setPropagateClose(true)
                .setOnMaxCount((limit, count) -> {
                    throw new TabularFileException(Reason.UNPACKED_TOO_LARGE, max / (1024 * 1024));
                }).get();
    }
}
