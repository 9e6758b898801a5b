-- Issue 20: the audit trail of one user, newest first. A part of a username is turned into the usernames that
-- contain it (AuditLog), and each one's events are read from this index in the page's order (occurred_at, then
-- id), merged when several users match; without the id the index gave no order for events of one instant, and
-- the planner walked the whole trail by time instead. It also serves what the old one did (a user's recent
-- sign-in failures).
DROP INDEX audit_event_user_idx;
CREATE INDEX audit_event_user_time_idx ON audit_event (username, occurred_at DESC, id DESC);
