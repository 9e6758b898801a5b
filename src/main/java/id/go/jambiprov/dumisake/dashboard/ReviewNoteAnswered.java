package id.go.jambiprov.dumisake.dashboard;

/** A review note was resolved with a reply; its author should read it. Target fields as in {@link ReviewNoteWritten}. */
public record ReviewNoteAnswered(long noteId, String targetType, String targetCode, String targetLabel,
                                 Integer fiscalYear, String reply, String answeredBy, String author) {
}
