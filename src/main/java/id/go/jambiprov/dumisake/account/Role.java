package id.go.jambiprov.dumisake.account;

/** What a login may do. An OPD operator is always bound to one agency. */
public enum Role {
    ADMIN, OPD_OPERATOR, EXPERT;

    /** The authority Spring Security checks, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
