package id.go.jambiprov.dumisake.disbursement.internal;

/** An uploaded evidence file: what the person chose, and its bytes. */
public record EvidenceFile(String fileName, byte[] content) {

    public boolean present() {
        return content != null && content.length > 0;
    }
}
