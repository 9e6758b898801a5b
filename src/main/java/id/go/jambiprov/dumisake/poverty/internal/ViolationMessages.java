package id.go.jambiprov.dumisake.poverty.internal;

import id.go.jambiprov.dumisake.poverty.Indicator;
import id.go.jambiprov.dumisake.poverty.domain.Violation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Violations as a person or a script reads them: in the caller's language, with the import file's column. */
@Component
public class ViolationMessages {

    /** The import template's column of each submission field. */
    private static final Map<String, String> COLUMNS = Map.of("year", "tahun", "code", "kode", "period", "periode",
            "source", "sumber", "sourceBody", "badan_sumber", "note", "catatan", "values", "");

    private final MessageSource messages;

    ViolationMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String message(Violation violation) {
        return messages.getMessage(violation.messageKey(), violation.arguments(), LocaleContextHolder.getLocale());
    }

    /** The column of the import template that a field is read from. */
    public static String column(String field) {
        String column = COLUMNS.get(field);
        if (column != null) {
            return column;
        }
        try {
            return Indicator.ofField(field).column();
        } catch (IllegalArgumentException e) {
            return field;
        }
    }

    FiguresRefusedException refusal(List<Violation> violations) {
        return new FiguresRefusedException(violations, violations.stream().map(v -> {
            Map<String, Object> error = new LinkedHashMap<>();
            if (v.row() > 0) {
                error.put("row", v.row());
                error.put("column", column(v.field()));
            }
            error.put("field", v.field());
            error.put("message", message(v));
            return error;
        }).toList());
    }
}
