package id.go.jambiprov.dumisake.shared.db;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * In production the application refuses to run as a database role that could change the audit trail: a
 * superuser (who can switch its triggers off), its owner (who can drop them), or a role granted UPDATE,
 * DELETE or TRUNCATE on it. The append-only rule then holds against whatever runs inside the application,
 * not only against its honest code. The roles to use instead are in docs/operations.md.
 */
@Component
@Profile("prod")
@Order(-1)
class RuntimeRoleCheck implements ApplicationRunner {

    private final JdbcTemplate jdbc;

    RuntimeRoleCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        RolePowers powers = jdbc.queryForObject("""
                select current_user,
                       (select rolsuper from pg_roles where rolname = current_user),
                       pg_has_role(current_user, c.relowner, 'MEMBER'),
                       has_table_privilege(c.oid, 'UPDATE') or has_table_privilege(c.oid, 'DELETE')
                           or has_table_privilege(c.oid, 'TRUNCATE')
                from pg_class c where c.oid = 'audit_event'::regclass""",
                (rs, row) -> new RolePowers(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)));
        if (powers.superuser() || powers.owner() || powers.mayChange()) {
            throw new IllegalStateException(("The application connects to the database as %s, %s: connect as a "
                    + "runtime role with only SELECT and INSERT on audit_event (SPRING_DATASOURCE_USERNAME) and "
                    + "let Flyway migrate as the owner (SPRING_FLYWAY_USER); see docs/operations.md")
                    .formatted(powers.role(), powers.superuser() ? "a superuser"
                            : powers.owner() ? "the owner of audit_event" : "who may change or delete audit events"));
        }
    }

    private record RolePowers(String role, boolean superuser, boolean owner, boolean mayChange) {
    }
}
