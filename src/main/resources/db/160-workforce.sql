-- ---------------------------------------------------------------------------------------------
-- The workforce dataset (ingest/workforce-items.csv, docs/workforce.md): raw tables of the WRES
-- files, loaded through the one ingest mechanism like MSDS and MHSDS. One submission is one
-- organisation's WRES year (WRK000 names the organisation and the period; the period's end is the
-- staff snapshot date). Staff, applicant and board member ids hold the keyed hash (the id itself is
-- never stored). Loading the same organisation and period again replaces the whole submission.
-- ---------------------------------------------------------------------------------------------

-- WRK001 Staff records (ESR-style: one row per assignment)
CREATE TABLE IF NOT EXISTS wrk001 (
  submission_id BIGINT NOT NULL,
  line INTEGER NOT NULL,
  invalid_items VARCHAR[] NOT NULL,
  StaffId VARCHAR,                  -- pseudonym
  EthnicCategory VARCHAR,           -- NHS ethnic category A-S, Z, 99
  PayBand VARCHAR,                  -- 1-9, 8A-8D, VSM, MEDICAL, OTHER
  StaffGroup VARCHAR,
  OccupationCode VARCHAR,
  AreaOfWork VARCHAR,
  AssignmentCategory VARCHAR,       -- Permanent | Fixed Term Temp | Bank | Honorary | Locum
  StartDate DATE,
  LeavingDate DATE
);

-- WRK101 Workforce events (recruitment, disciplinary, training, cultural competency, leadership, promotion)
CREATE TABLE IF NOT EXISTS wrk101 (
  submission_id BIGINT NOT NULL,
  line INTEGER NOT NULL,
  invalid_items VARCHAR[] NOT NULL,
  PersonId VARCHAR,                 -- pseudonym of the staff id (or an applicant id)
  EventType VARCHAR,
  EventDate DATE,
  EthnicCategory VARCHAR,           -- needed for applicants; staff events take the staff record's when blank
  PayBand VARCHAR
);

-- WRK201 Staff survey results for WRES indicators 5-8, as published
CREATE TABLE IF NOT EXISTS wrk201 (
  submission_id BIGINT NOT NULL,
  line INTEGER NOT NULL,
  invalid_items VARCHAR[] NOT NULL,
  Indicator VARCHAR,
  EthnicGroup VARCHAR,              -- White | BME | Unknown
  Percentage DOUBLE,
  Respondents INTEGER
);

-- WRK301 Board members (indicator 9)
CREATE TABLE IF NOT EXISTS wrk301 (
  submission_id BIGINT NOT NULL,
  line INTEGER NOT NULL,
  invalid_items VARCHAR[] NOT NULL,
  MemberId VARCHAR,                 -- pseudonym
  EthnicCategory VARCHAR,
  Voting VARCHAR,                   -- Y | N
  Executive VARCHAR
);

-- WRK401 The aggregate WRES return (counts by indicator, ethnic group and band)
CREATE TABLE IF NOT EXISTS wrk401 (
  submission_id BIGINT NOT NULL,
  line INTEGER NOT NULL,
  invalid_items VARCHAR[] NOT NULL,
  Indicator VARCHAR,
  EthnicGroup VARCHAR,
  Band VARCHAR,
  Numerator DOUBLE,
  Denominator DOUBLE,
  Percentage DOUBLE
);

-- Latest versions (ingest.LatestVersions refreshes every dataset's stores): a workforce submission is a
-- whole WRES year and a reload replaces it, so every row of every loaded submission is current.
CREATE OR REPLACE VIEW internal.wrk001_latest AS
SELECT r.*, s.provider, s.rp_start, s.rp_end FROM main.wrk001 r JOIN main.submission s USING (submission_id);
CREATE OR REPLACE VIEW internal.wrk101_latest AS
SELECT r.*, s.provider, s.rp_start, s.rp_end FROM main.wrk101 r JOIN main.submission s USING (submission_id);
CREATE OR REPLACE VIEW internal.wrk201_latest AS
SELECT r.*, s.provider, s.rp_start, s.rp_end FROM main.wrk201 r JOIN main.submission s USING (submission_id);
CREATE OR REPLACE VIEW internal.wrk301_latest AS
SELECT r.*, s.provider, s.rp_start, s.rp_end FROM main.wrk301 r JOIN main.submission s USING (submission_id);
CREATE OR REPLACE VIEW internal.wrk401_latest AS
SELECT r.*, s.provider, s.rp_start, s.rp_end FROM main.wrk401 r JOIN main.submission s USING (submission_id);
CREATE TABLE IF NOT EXISTS internal.wrk001_store AS SELECT * FROM internal.wrk001_latest LIMIT 0;
CREATE TABLE IF NOT EXISTS internal.wrk101_store AS SELECT * FROM internal.wrk101_latest LIMIT 0;
CREATE TABLE IF NOT EXISTS internal.wrk201_store AS SELECT * FROM internal.wrk201_latest LIMIT 0;
CREATE TABLE IF NOT EXISTS internal.wrk301_store AS SELECT * FROM internal.wrk301_latest LIMIT 0;
CREATE TABLE IF NOT EXISTS internal.wrk401_store AS SELECT * FROM internal.wrk401_latest LIMIT 0;
CREATE OR REPLACE VIEW internal.wrk001 AS SELECT * FROM internal.wrk001_store;
CREATE OR REPLACE VIEW internal.wrk101 AS SELECT * FROM internal.wrk101_store;
CREATE OR REPLACE VIEW internal.wrk201 AS SELECT * FROM internal.wrk201_store;
CREATE OR REPLACE VIEW internal.wrk301 AS SELECT * FROM internal.wrk301_store;
CREATE OR REPLACE VIEW internal.wrk401 AS SELECT * FROM internal.wrk401_store;

-- The WRES year of a submission: the financial year (April to March) holding its period's end, as 'YYYY-YY'
-- (a period 1 April 2024 to 31 March 2025 is 2024-25).
CREATE OR REPLACE MACRO wres_year(d) AS
  CASE WHEN month(d) >= 4 THEN year(d)::VARCHAR || '-' || lpad(((year(d) + 1) % 100)::VARCHAR, 2, '0')
       ELSE (year(d) - 1)::VARCHAR || '-' || lpad((year(d) % 100)::VARCHAR, 2, '0') END;

-- WRES ethnic groups from the NHS ethnic category (workforce-and-mental-health.md section 1.3): White British,
-- Irish and any other White background are White; D-S are BME; Z (not stated), 99 and blank are Unknown.
CREATE OR REPLACE MACRO wres_group(c) AS
  CASE WHEN c IN ('A', 'B', 'C') THEN 'White'
       WHEN c IN ('D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'S') THEN 'BME'
       ELSE 'Unknown' END;

-- The order of the pay bands (for a person's highest band across assignments); 0 for none.
CREATE OR REPLACE MACRO wres_band_rank(b) AS
  coalesce(list_position(['OTHER', '1', '2', '3', '4', '5', '6', '7', '8A', '8B', '8C', '8D', '9', 'VSM', 'MEDICAL'], b), 0);

-- The workforce submission of each organisation and WRES year (the latest period, should one year have two), and
-- whether it holds staff records (else its aggregate return WRK401 is read).
CREATE OR REPLACE VIEW v_wrk_submission AS
SELECT s.submission_id, s.provider, wres_year(s.rp_end) AS year, s.rp_start, s.rp_end,
       EXISTS (SELECT 1 FROM internal.wrk001 w WHERE w.submission_id = s.submission_id) AS staff_level
FROM main.submission s
WHERE s.dataset = 'WORKFORCE'
QUALIFY row_number() OVER (PARTITION BY s.provider, wres_year(s.rp_end)
                           ORDER BY s.rp_end DESC, s.rp_start, s.submission_id DESC) = 1;
