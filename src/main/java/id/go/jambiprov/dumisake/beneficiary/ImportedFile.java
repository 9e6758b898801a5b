package id.go.jambiprov.dumisake.beneficiary;

/**
 * What an import of people and their aid did: everything ({@code rowErrors} = 0) or nothing.
 */
public record ImportedFile(int rowsRead, int beneficiariesCreated, int aidCreated, int rowErrors) {
}
