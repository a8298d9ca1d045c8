-- Account management (SPEC §6, admin: users and tokens). An account is never deleted, so that the
-- history and the audit trail still name it: it is disabled instead (disabled_at, null while the
-- account may sign in). last_sign_in_at is when it last signed in on a page, for the admin's list.
ALTER TABLE account ADD COLUMN disabled_at VARCHAR(40);
ALTER TABLE account ADD COLUMN last_sign_in_at VARCHAR(40);
