package id.go.jambiprov.dumisake.disbursement;

public record StoredEvidence(String fileName, String contentType, byte[] content) {
}
