package id.go.jambiprov.dumisake.shared.db;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * In production the application refuses to run as a database role that could change the audit trail: a
 * superuser (who can switch its triggers off), its owner (who can drop them), or a role granted UPDATE,
 * DELETE or TRUNCATE on it; nor as one that may create temporary tables, which could hide the trail from
 * the connection that made one (a temporary {@code audit_event} comes first in the search path). The
 * append-only rule then holds against whatever runs inside the application, not only against its honest
 * code. The roles to use instead are in docs/operations.md.
 * <p>
 * The check runs while the beans are created — the {@link JdbcTemplate} only exists once Flyway has
 * migrated — and so before the web server opens its port: a wrongly configured instance never serves a
 * request.
 */
@Component
@Profile("prod")
class RuntimeRoleCheck implements InitializingBean {

    private final JdbcTemplate jdbc;

    RuntimeRoleCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        RolePowers powers = jdbc.queryForObject("""
                select current_user,
                       (select rolsuper from pg_roles where rolname = current_user),
                       pg_has_role(current_user, c.relowner, 'MEMBER'),
                       has_table_privilege(c.oid, 'UPDATE') or has_table_privilege(c.oid, 'DELETE')
                           or has_table_privilege(c.oid, 'TRUNCATE'),
                       has_database_privilege(current_database(), 'TEMPORARY'),
                       current_database()
                from pg_class c where c.oid = 'public.audit_event'::regclass""",
                (rs, row) -> new RolePowers(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getString(6)));
        if (powers.superuser() || powers.owner() || powers.mayChange()) {
            throw new IllegalStateException(("The application connects to the database as %s, %s: connect as a "
                    + "runtime role with only SELECT and INSERT on audit_event (SPRING_DATASOURCE_USERNAME) and "
                    + "let Flyway migrate as the owner (SPRING_FLYWAY_USER); see docs/operations.md")
                    .formatted(powers.role(), powers.superuser() ? "a superuser"
                            : powers.owner() ? "the owner of audit_event" : "who may change or delete audit events"));
        }
        if (powers.temporary()) {
            throw new IllegalStateException(("The application connects to the database as %1$s, who may create "
                    + "temporary tables, and a temporary audit_event would hide the audit trail from the "
                    + "application's connection: as the database's owner, REVOKE TEMPORARY ON DATABASE %2$s FROM "
                    + "PUBLIC, %1$s; see docs/operations.md").formatted(powers.role(), powers.database()));
        }
    }

    private record RolePowers(String role, boolean superuser, boolean owner, boolean mayChange, boolean temporary,
                              String database) {
    }
}
