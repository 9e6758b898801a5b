package id.go.jambiprov.dumisake.account;

import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.util.function.Supplier;

/**
 * The one check every OPD-owned record goes through after it is loaded by id: an operator of another
 * OPD gets the same "not found" as for a record that does not exist, so that changing an id in a URL
 * or a body reveals nothing. Queries that list records add {@link #sql} to their condition.
 */
public final class OpdScope {

    private OpdScope() {
    }

    /** @throws NotFoundException from {@code notFound} when the signed-in caller may not see this OPD's record */
    public static void check(String ownerOpdCode, Supplier<? extends NotFoundException> notFound) {
        String scope = CurrentUser.get().opdScope();
        if (scope != null && !scope.equals(ownerOpdCode)) {
            throw notFound.get();
        }
    }

    /**
     * The condition that keeps a query to the signed-in caller's OPD: {@code " and <column> = :scopeOpd"}
     * with the parameter added, or nothing for callers who see every OPD (admins, the expert team).
     */
    public static String sql(String column, MapSqlParameterSource parameters) {
        String scope = CurrentUser.opdScope();
        if (scope == null) {
            return "";
        }
        parameters.addValue("scopeOpd", scope);
        return " and " + column + " = :scopeOpd";
    }
}
