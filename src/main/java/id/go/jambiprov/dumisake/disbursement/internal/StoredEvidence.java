package id.go.jambiprov.dumisake.disbursement.internal;

public record StoredEvidence(String fileName, String contentType, byte[] content) {
}
