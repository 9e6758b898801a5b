package id.go.jambiprov.dumisake.shared.tabular;

import id.go.jambiprov.dumisake.shared.BusinessRuleException;

/**
 * A file that cannot be read as a table, or that goes past its {@link TabularLimits}: refused whole, with
 * the reason as the code the API reports and a message key that says it in the person's language.
 */
public class TabularFileException extends BusinessRuleException {

    /** Why the file was refused, with the code the API reports (the codes the imports had before them). */
    public enum Reason {
        EMPTY("IMPORT_EMPTY", "tabular.empty"),
        WRONG_TYPE("IMPORT_WRONG_TYPE", "tabular.wrongType"),
        NOT_EXCEL("IMPORT_WRONG_TYPE", "tabular.notExcel"),
        UNREADABLE("IMPORT_UNREADABLE", "tabular.unreadable"),
        FILE_TOO_LARGE("IMPORT_FILE_TOO_LARGE", "tabular.tooLarge"),
        UNPACKED_TOO_LARGE("IMPORT_UNPACKED_TOO_LARGE", "tabular.unpackedTooLarge"),
        INFLATES_TOO_MUCH("IMPORT_UNPACKED_TOO_LARGE", "tabular.inflatesTooMuch"),
        TOO_MANY_ROWS("IMPORT_TOO_LARGE", "tabular.tooManyRows"),
        TOO_MANY_COLUMNS("IMPORT_TOO_MANY_COLUMNS", "tabular.tooManyColumns"),
        CELL_TOO_LONG("IMPORT_CELL_TOO_LONG", "tabular.cellTooLong");

        private final String code;
        private final String messageKey;

        Reason(String code, String messageKey) {
            this.code = code;
            this.messageKey = messageKey;
        }
    }

    private final Reason reason;

    TabularFileException(Reason reason, Object... arguments) {
        super(reason.code, reason.messageKey, arguments);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
