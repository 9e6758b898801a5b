-- Issue 8: what an administrator records about a person, and the lockout state of the login. The
-- lockout lives here, not in the application's memory, so that every instance behind the load balancer
-- sees the same count and the same lock.

ALTER TABLE user_account
    -- NIP (Nomor Induk Pegawai) of a civil servant: 18 digits; contractors have none
    ADD COLUMN nip             VARCHAR(18) CHECK (nip ~ '^[0-9]{18}$'),
    ADD COLUMN email           VARCHAR(254),
    ADD COLUMN failed_attempts INTEGER     NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    ADD COLUMN locked_until    TIMESTAMPTZ;

CREATE UNIQUE INDEX user_account_nip_idx ON user_account (nip) WHERE nip IS NOT NULL;
