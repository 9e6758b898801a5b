package id.go.jambiprov.dumisake.opd;

/** A provincial agency as the other capabilities and the pages see it. */
public record OpdSummary(String code, String name, String type, String dumisakeRole, boolean active) {
}
