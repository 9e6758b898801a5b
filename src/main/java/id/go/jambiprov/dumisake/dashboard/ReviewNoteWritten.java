package id.go.jambiprov.dumisake.dashboard;

/**
 * The expert team (or an admin) wrote a review note. {@code targetType} is {@code KECAMATAN}, {@code OPD} or
 * {@code ALLOCATION}; {@code targetCode} the kecamatan code, OPD code or allocation id; {@code opdCode} the OPD
 * concerned ({@code null} for a kecamatan-wide note).
 */
public record ReviewNoteWritten(long noteId, String targetType, String targetCode, String targetLabel,
                                Integer fiscalYear, String opdCode, String text, String author) {
}
