-- The application connects as its own runtime role (placeholder appRole: spring.datasource.username, or the
-- embedded database's dumisake_app), not as the owner of the schema, whom Flyway uses. The runtime role reads
-- and writes the application's tables but may only add to the audit trail: no UPDATE, DELETE or TRUNCATE on
-- audit_event. Its triggers (V3) refuse those too, but only a superuser could switch them off
-- (SET session_replication_role = replica) and only the owner could drop them; the runtime role is neither.
-- Tables the owner creates later are granted by the default privileges below; an append-only one must
-- revoke what it does not allow, as audit_event does here.
-- Repeatable: Flyway runs it again whenever its text or the placeholder's value changes, so a database first
-- migrated with one role for both (or with another runtime role) gets its grants once the roles are split.
-- Every statement is idempotent.
-- Temporary tables: a role that may create them can hide the audit trail from its own connection, since
-- pg_temp comes first in the search path (CREATE TEMP TABLE audit_event (LIKE public.audit_event) and an
-- unqualified INSERT INTO audit_event lands there). The application names public.audit_event itself, and
-- the runtime role gets TEMPORARY only where the placeholder appRoleTemporary is true: outside prod, where
-- the demo and scale data loaders use temporary tables. In prod it is revoked, from the role and, when the
-- owner here owns the database, from PUBLIC, which has it on every new database; the prod profile refuses a
-- runtime role that still has it (shared/db/RuntimeRoleCheck, docs/operations.md).
DO $$
DECLARE
    app_role  text := '${appRole}';
    in_schema text := current_schema();
BEGIN
    IF app_role = current_user THEN
        -- one role for both (a developer's own server, the backup drill): nothing to grant, and the audit
        -- trail is then guarded by its triggers alone; the prod profile refuses to run like this
        -- (shared/db/RuntimeRoleCheck)
        RAISE NOTICE 'the application connects as the schema owner %: no runtime role to grant to', app_role;
        RETURN;
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), app_role);
    IF '${appRoleTemporary}' = 'true' THEN
        EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO %I', current_database(), app_role);
    ELSE
        EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM %I', current_database(), app_role);
        IF pg_has_role((SELECT datdba FROM pg_database WHERE datname = current_database()), 'USAGE') THEN
            EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
        END IF;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', in_schema, app_role);

    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', in_schema, app_role);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', in_schema, app_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
                   in_schema, app_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I',
                   in_schema, app_role);
    IF current_setting('server_version_num')::int >= 170000 THEN
        -- ANALYZE and VACUUM of the tables it fills in bulk (the scale data generator); PostgreSQL 17 has
        -- a privilege for it, before that only the owner may, and the runtime role's ANALYZE is skipped
        EXECUTE format('GRANT MAINTAIN ON ALL TABLES IN SCHEMA %I TO %I', in_schema, app_role);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT MAINTAIN ON TABLES TO %I', in_schema, app_role);
    END IF;

    EXECUTE format('REVOKE ALL ON TABLE audit_event FROM %I', app_role);
    EXECUTE format('GRANT SELECT, INSERT ON TABLE audit_event TO %I', app_role);
    -- the migrations' record is Flyway's business, done as the owner
    EXECUTE format('REVOKE ALL ON TABLE %I FROM %I', '${flyway:table}', app_role);
END $$;
