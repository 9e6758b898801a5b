package id.go.jambiprov.dumisake.beneficiary.internal;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An import job as its page and the API show it.
 *
 * @param rowsTotal      data rows of the file (0 until it has been read)
 * @param recordsToWrite beneficiaries and aid records to write once every row is valid
 * @param errors         the first errors, for the page; {@code errorCount} says how many there are in all
 * @param failureCode    why a REFUSED or FAILED job stopped, e.g. {@code IMPORT_EMPTY}, {@code IMPORT_INTERRUPTED}
 */
public record ImportJobView(long id, String fileName, ImportJobStatus status, ImportPhase phase, String opdCode,
                            String createdBy, OffsetDateTime createdAt, OffsetDateTime finishedAt, int rowsTotal,
                            int rowsValidated, int recordsToWrite, int recordsWritten, int beneficiariesCreated,
                            int aidCreated, int errorCount, List<ImportError> errors, String failureCode,
                            String failureMessage) {

    @JsonProperty("finished")
    public boolean finished() {
        return !status.active();
    }

    public boolean hasErrorReport() {
        return errorCount > 0;
    }

    /**
     * How far it is, 0–100: reading counts for the first 5 %, checking the rows up to 50 %, writing up to
     * 100 % (writing 100,000 rows takes about as long as checking them).
     */
    @JsonProperty("percent")
    public int percent() {
        if (finished()) {
            return 100;
        }
        double done = switch (phase) {
            case QUEUED, READING -> 0;
            case VALIDATING -> 5 + 45.0 * ratio(rowsValidated, rowsTotal);
            case WRITING -> 50 + 50.0 * ratio(recordsWritten, recordsToWrite);
            case DONE -> 100;
        };
        return (int) Math.min(99, Math.floor(done));
    }

    private static double ratio(int part, int whole) {
        return whole <= 0 ? 0 : Math.min(1.0, (double) part / whole);
    }
}
