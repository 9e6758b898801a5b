package id.go.jambiprov.dumisake.shared.tabular;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Where uploaded workbooks wait while POI reads them part by part: a directory of their own, so that the
 * files a process left behind when it died mid-import (it exits on OutOfMemoryError) are found and removed
 * at the next start instead of filling the disk over restarts.
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
            Files.createDirectories(directory());
            Path file = Files.createTempFile(directory(), "import-", ".xlsx");
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("An uploaded workbook could not be stored for reading", e);
        }
    }

    static void delete(Path file) {
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
