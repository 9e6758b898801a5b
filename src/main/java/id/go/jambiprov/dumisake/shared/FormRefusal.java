package id.go.jambiprov.dumisake.shared;

import org.springframework.validation.Errors;

import java.util.Map;

/**
 * Puts a rule's refusal where the person looks: on the field it concerns (marked invalid, the message under it)
 * when the form has one for the rule's code, otherwise on the form as a whole.
 */
public final class FormRefusal {

    private FormRefusal() {
    }

    /** @param fieldByCode the form's field for each rule code that concerns one field */
    public static void reject(Errors errors, BusinessRuleException refusal, Map<String, String> fieldByCode) {
        String field = fieldByCode.get(refusal.code());
        if (field == null) {
            errors.reject(refusal.messageKey(), refusal.arguments(), null);
        } else {
            errors.rejectValue(field, refusal.messageKey(), refusal.arguments(), null);
        }
    }
}
