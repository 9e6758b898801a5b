package id.go.jambiprov.dumisake.shared.tabular;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Where uploads wait: a background import's file until its turn, a workbook while POI reads it part by
 * part. A directory of their own, so that the files a process left behind when it died mid-import (it exits
 * on OutOfMemoryError) are found and removed at the next start instead of filling the disk over restarts.
 */
@Component
public class ImportTempFiles {

    private static final Logger log = LoggerFactory.getLogger(ImportTempFiles.class);
    /** Older than any import runs: another instance on the same machine may be reading a younger one. */
    private static final Duration LEFTOVER_AGE = Duration.ofHours(1);

    static Path directory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "dumisake-imports");
    }

    /** @return a new file holding {@code content}; a full or read-only disk is a server error, not a bad file */
    static Path write(byte[] content) {
        try {
            Path file = newFile();
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("An uploaded workbook could not be stored for reading", e);
        }
    }

    /** Keeps an upload on the disk, not in the heap, while its import waits for its turn. */
    public static Path keep(InputStreamSource upload) {
        try (InputStream in = upload.getInputStream()) {
            Path file = newFile();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("An upload could not be kept for its import", e);
        }
    }

    /** The kept upload's bytes, read once it is the import's turn. */
    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("A kept upload could not be read", e);
        }
    }

    private static Path newFile() throws IOException {
        Files.createDirectories(directory());
        return Files.createTempFile(directory(), "import-", ".upload");
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Uploaded workbook {} could not be deleted; it is removed at the next start", file, e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void removeLeftovers() {
        if (!Files.isDirectory(directory())) {
            return;
        }
        FileTime before = FileTime.from(Instant.now().minus(LEFTOVER_AGE));
        try (Stream<Path> files = Files.list(directory())) {
            files.filter(file -> {
                try {
                    return Files.getLastModifiedTime(file).compareTo(before) < 0;
                } catch (IOException e) {
                    return false;
                }
            }).forEach(ImportTempFiles::delete);
        } catch (IOException e) {
            log.warn("Leftover uploaded workbooks in {} could not be listed", directory(), e);
        }
    }
}
