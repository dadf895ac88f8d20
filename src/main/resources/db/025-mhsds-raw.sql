-- ---------------------------------------------------------------------------------------------
-- Raw MHSDS v6 tables (the second dataset: ingest/mhsds-items.csv), one per table id, holding the
-- validated rows of every loaded MHSDS submission, like the MSDS tables of 020-msds-raw.sql:
-- provider-layout item names (national and v5 names arrive through the registry's aliases), the
-- submission, the source line and the items found invalid at ingestion. NHS numbers hold the keyed
-- hash of the MSDS tables (same key), so a woman's records of both datasets link.
-- MHS000Header names the submission (the submission table), like MSD000.
-- ---------------------------------------------------------------------------------------------

-- Which dataset a submission belongs to: provider and period identify a submission within its dataset.
ALTER TABLE submission ADD COLUMN IF NOT EXISTS dataset VARCHAR DEFAULT 'MSDS';

-- MHS001 Master Patient Index
CREATE TABLE IF NOT EXISTS mhs001 (
  submission_id BIGINT NOT NULL,    -- submission(submission_id)
  line INTEGER NOT NULL,            -- line in the source file (header = line 1)
  invalid_items VARCHAR[] NOT NULL, -- items whose value failed its format (kept for data quality)
  LocalPatientId VARCHAR,           -- national layout: Person_ID
  NHSNumber VARCHAR,
  EthnicCategory VARCHAR,
  Postcode VARCHAR,
  LSOA2011 VARCHAR,
  GenderIDCode VARCHAR,
  Gender VARCHAR,
  GenderSameAtBirth VARCHAR,
  LADistrictAuth VARCHAR,
  UniqMonthID INTEGER
);

-- MHS101 Service or Team Referral
CREATE TABLE IF NOT EXISTS mhs101 (
  submission_id BIGINT NOT NULL,
  line INTEGER NOT NULL,
  invalid_items VARCHAR[] NOT NULL,
  ServiceRequestId VARCHAR,         -- national layout: UniqServReqID
  LocalPatientId VARCHAR,           -- national layout: Person_ID
  ReferralRequestReceivedDate DATE,
  ServDischDate DATE,
  ReferClosReason VARCHAR,
  ReferRejectionDate DATE,
  UniqMonthID INTEGER
);

-- MHS102 Service or Team Type Referred To
CREATE TABLE IF NOT EXISTS mhs102 (
  submission_id BIGINT NOT NULL,
  line INTEGER NOT NULL,
  invalid_items VARCHAR[] NOT NULL,
  ServiceRequestId VARCHAR,
  ServTeamTypeRefToMH VARCHAR,      -- C02 specialist perinatal, F02 maternal mental health service
  ReferClosureDate DATE,
  ReferRejectionDate DATE,
  UniqMonthID INTEGER
);

-- MHS201 Care Contact
CREATE TABLE IF NOT EXISTS mhs201 (
  submission_id BIGINT NOT NULL,
  line INTEGER NOT NULL,
  invalid_items VARCHAR[] NOT NULL,
  CareContactId VARCHAR,            -- national layout: UniqCareContID
  ServiceRequestId VARCHAR,
  CareContDate DATE,
  AttendStatus VARCHAR,             -- v5: AttendOrDNACode
  ConsMechanismMH VARCHAR,
  UniqMonthID INTEGER
);
