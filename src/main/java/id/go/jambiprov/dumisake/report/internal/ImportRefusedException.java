package id.go.jambiprov.dumisake.report.internal;

import id.go.jambiprov.dumisake.shared.BusinessRuleException;

/** The file as a whole cannot be read (empty, too large, not what its name says). */
public class ImportRefusedException extends BusinessRuleException {

    public ImportRefusedException(String messageKey, Object... arguments) {
        super("IMPORT_REFUSED", messageKey, arguments);
    }
}
