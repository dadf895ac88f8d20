-- ---------------------------------------------------------------------------------------------
-- Audit log: who did what, when, to what, to how many records, with what outcome. Append-only:
-- the application only ever inserts (AuditService has no update or delete), and the same events
-- go to the AUDIT log file (logback-spring.xml), so a row removed from the database by hand still
-- has its copy on disk.
-- ---------------------------------------------------------------------------------------------
CREATE SEQUENCE IF NOT EXISTS audit_event_seq START 1;

CREATE TABLE IF NOT EXISTS audit_event (
  event_id BIGINT PRIMARY KEY DEFAULT nextval('audit_event_seq'),
  occurred_at TIMESTAMP NOT NULL,   -- local server time, as the ingest log
  user_name VARCHAR NOT NULL,       -- login name; "system" for the CLI, inbox and first-start loader
  action VARCHAR NOT NULL,          -- login | login_failed | account_locked | logout | ingest | reference_load
                                    -- | export | record_view | access_denied | config_change | app_start
  target VARCHAR,                   -- what it was done to (files, view, endpoint, team)
  detail VARCHAR,                   -- free text, never an NHS number or a full postcode
  record_count BIGINT,              -- rows loaded, exported or shown, when that applies
  outcome VARCHAR NOT NULL CHECK (outcome IN ('success', 'failure', 'denied'))
);

-- ---------------------------------------------------------------------------------------------
-- The audited configuration as of the last start (ConfigurationAudit), so that the next start can
-- audit each setting that changed, old -> new. Rewritten at every start; the history is in audit_event.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS audited_setting (
  name VARCHAR PRIMARY KEY,         -- property name, or user:<username> for a users-file user
  value VARCHAR NOT NULL,           -- as written in the audit log; never a secret
  secret_hash VARCHAR               -- BCrypt of the SHA-256 of a secret (the pseudonymisation key) to tell it changed
);
