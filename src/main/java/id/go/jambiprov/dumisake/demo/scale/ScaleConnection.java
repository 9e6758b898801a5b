package id.go.jambiprov.dumisake.demo.scale;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A connection the scale generator writes on ({@link ScaleYearWriter}): the application's, or the embedded
 * database's owner, a superuser.
 * <p>
 * As the owner it writes the generated allocations, disbursements and progress reports without the checks that
 * run row by row — each foreign key's lookup and lock of the row referred to, and the triggers, whose work the
 * generator defers and adds once per year anyway — and checks each foreign key once for the year's rows
 * afterwards, in the same transaction, as restoring a dump validates a key once it is loaded: a row without what it
 * refers to refuses the year all the same. At national scale that was 37 µs of an allocation's 64, and half of a
 * progress report's insert (13 million of them). Only the generator's own inserts run so
 * ({@code session_replication_role}, which only a superuser may set, is back to normal after each): the CHECKs hold
 * for them as always, and every other statement fires every trigger as usual.
 *
 * @param jdbc  the connection's template
 * @param steps its transactions
 * @param owner whether it connects as a superuser
 */
record ScaleConnection(JdbcTemplate jdbc, ScaleSteps steps, boolean owner) {

    /**
     * Runs {@code insert} with {@code arguments}; as the owner without the row-by-row checks, then counts with
     * {@code withoutKeys} (the year its one parameter) the rows of {@code year} whose foreign keys do not hold.
     *
     * @throws IllegalStateException when there are such rows (the caller's transaction is then rolled back)
     */
    int insert(String insert, String withoutKeys, int year, Object... arguments) {
        if (!owner) {
            return jdbc.update(insert, arguments);
        }
        jdbc.execute("set local session_replication_role = replica");
        int rows = jdbc.update(insert, arguments);
        jdbc.execute("set local session_replication_role = origin");
        Long broken = jdbc.queryForObject(withoutKeys, Long.class, year);
        if (broken == null || broken != 0) {
            throw new IllegalStateException("Scale data: " + broken + " rows of " + year
                    + " refer to what does not exist (" + withoutKeys.strip().lines().findFirst().orElse("") + ")");
        }
        return rows;
    }
}
