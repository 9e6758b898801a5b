package id.go.jambiprov.dumisake.account;

import id.go.jambiprov.dumisake.shared.NotFoundException;

import java.util.function.Supplier;

/**
 * The one check every OPD-owned record goes through after it is loaded by id: an operator of another
 * OPD gets the same "not found" as for a record that does not exist, so that changing an id in a URL
 * or a body reveals nothing. Queries that list records take {@link DumisakeUser#opdScope()} instead.
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
}
