package id.go.jambiprov.dumisake.beneficiary.internal;

import java.util.List;

/**
 * What an import did: everything (no errors) or nothing (errors, all of them in the downloadable report).
 *
 * @param errors the first errors, for the page; {@code errorCount} says how many there are in all
 */
public record ImportResult(long id, String fileName, int rowsRead, int beneficiariesCreated, int aidCreated,
                           int errorCount, List<ImportError> errors) {

    public boolean succeeded() {
        return errorCount == 0;
    }
}
