-- ShedLock's lock table: a scheduled job that must run once per cluster (not once per instance) takes its
-- row here first. Times are the database's (JdbcTemplateLockProvider.usingDbTime), so instances whose
-- clocks drift still agree on who holds a lock.

CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
