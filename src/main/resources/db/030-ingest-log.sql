-- ---------------------------------------------------------------------------------------------
-- Ingest log: every run (who, when, where from, outcome), every file it read (with its SHA-256)
-- and every reject or warning, with file, line (header = line 1), column, value and reason.
-- Kept for refused runs too; values of sensitive items are never stored here.
-- ---------------------------------------------------------------------------------------------
CREATE SEQUENCE IF NOT EXISTS ingest_run_seq START 1;

CREATE TABLE IF NOT EXISTS ingest_run (
  run_id BIGINT PRIMARY KEY,
  started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP,
  user_name VARCHAR NOT NULL,       -- who asked for it (login name, cli:OS user, inbox)
  source VARCHAR NOT NULL,          -- cli | upload | api | inbox | sample
  outcome VARCHAR,                  -- loaded | refused | failed | running
  message VARCHAR
);

CREATE TABLE IF NOT EXISTS ingest_submission (
  run_id BIGINT NOT NULL,
  seq INTEGER NOT NULL,             -- order of the submission within the run
  path VARCHAR NOT NULL,            -- file name of the folder or zip as given
  provider VARCHAR,
  rp_start DATE,
  rp_end DATE,
  status VARCHAR NOT NULL,          -- loaded | refused
  message VARCHAR,
  submission_id BIGINT,             -- set when loaded
  replaced_submission_id BIGINT     -- the earlier load of the same provider and period, if any
);

CREATE TABLE IF NOT EXISTS ingest_file (
  run_id BIGINT NOT NULL,
  seq INTEGER NOT NULL,
  file_name VARCHAR NOT NULL,
  table_id VARCHAR,                 -- MSD101 ..., null when not recognised
  sha256 VARCHAR NOT NULL,
  bytes BIGINT NOT NULL,
  encoding VARCHAR,                 -- UTF-8, UTF-8 with BOM, Windows-1252
  rows_read BIGINT,
  rows_loaded BIGINT,
  rows_rejected BIGINT
);

CREATE TABLE IF NOT EXISTS ingest_issue (
  run_id BIGINT NOT NULL,
  seq INTEGER NOT NULL,
  kind VARCHAR NOT NULL,            -- reject | warning
  type VARCHAR NOT NULL,            -- missing_mandatory | malformed | bad_row | invalid_value | orphan | ignored_column | ignored_table
  file VARCHAR,
  table_id VARCHAR,
  line INTEGER,
  column_name VARCHAR,
  value VARCHAR,
  reason VARCHAR NOT NULL
);
