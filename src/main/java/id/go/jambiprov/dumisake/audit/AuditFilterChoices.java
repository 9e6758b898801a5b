package id.go.jambiprov.dumisake.audit;

import java.util.List;

/** The values the audit page's filter lists offer: the entity types and the actions recorded so far, in order. */
public record AuditFilterChoices(List<String> entityTypes, List<String> actions) {
}
