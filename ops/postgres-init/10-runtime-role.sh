#!/bin/sh
# Run by the postgres image once, when it creates the database (docker-entrypoint-initdb.d): the runtime role
# the application connects as. POSTGRES_USER owns the schema and is Flyway's; the migration
# R__runtime_role_grants grants the runtime role what it needs, which on audit_event is only SELECT and
# INSERT. For a volume created before this script existed, create the role by hand (docs/operations.md).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v app_role="${DUMISAKE_DB_APP_USER:-dumisake_app}" -v app_password="$DUMISAKE_DB_APP_PASSWORD" <<'SQL'
CREATE ROLE :"app_role" LOGIN PASSWORD :'app_password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
SQL
