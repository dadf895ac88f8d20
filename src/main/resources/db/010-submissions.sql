-- ---------------------------------------------------------------------------------------------
-- Submissions: one row per loaded MSDS submission, identified by provider and reporting period
-- (MSD000). Loading the same provider and period again replaces the row and all its records in
-- one transaction. No UNIQUE constraint: DuckDB checks it eagerly inside the replacing
-- transaction, so IngestService keeps the key unique instead.
-- ---------------------------------------------------------------------------------------------
CREATE SEQUENCE IF NOT EXISTS submission_seq START 1;

CREATE TABLE IF NOT EXISTS submission (
  submission_id BIGINT PRIMARY KEY,
  provider VARCHAR NOT NULL,        -- MSD000 OrgCodeProvider
  rp_start DATE NOT NULL,           -- MSD000 RPStartDate
  rp_end DATE NOT NULL,             -- MSD000 RPEndDate
  layout VARCHAR NOT NULL,          -- provider | national | mixed: the column names the files used
  run_id BIGINT NOT NULL,           -- ingest_run that loaded it
  loaded_at TIMESTAMP NOT NULL
);
