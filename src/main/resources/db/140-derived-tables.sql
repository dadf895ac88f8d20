-- ---------------------------------------------------------------------------------------------
-- Tables derived from the loaded records, replaced whole by each derived-data refresh
-- (system.DerivedDataRefresher, through system.TableSwap: built as <name>__next, then swapped).
-- Declared here so a new database has every table before its first refresh.
-- ---------------------------------------------------------------------------------------------

-- fact_event: one row per unit counted by each measure (its denominator), with its numerator flag,
-- event date and every breakdown dimension as a fixed text column. Built by measures.MeasureFacts
-- from measures/query/fact_event.sql. Measures that count distinct women ("counts": "women") key each
-- row by the woman (unit_key) and flag whether it counts for the denominator (a woman seen by mental
-- health services who gave no birth is numerator-only); for the others unit_key is null, denominator 1.
CREATE TABLE IF NOT EXISTS fact_event (
  measure_id VARCHAR, event_date DATE, numerator INTEGER, ethnic_group VARCHAR, ethnic_category VARCHAR,
  imd_decile VARCHAR, imd_quintile VARCHAR, place VARCHAR, local_authority VARCHAR, postcode_district VARCHAR,
  lsoa VARCHAR, gp_practice VARCHAR, pcn VARCHAR, team VARCHAR, provider VARCHAR, booking_site VARCHAR,
  age_group VARCHAR, month VARCHAR, quarter VARCHAR, financial_year VARCHAR, imd_vintage VARCHAR,
  maternal_age_band VARCHAR,
  unit_key VARCHAR, denominator INTEGER, msoa VARCHAR, ward VARCHAR, neighbourhood VARCHAR
);
-- A database made before the counting columns gets them (the next rebuild fills them).
ALTER TABLE fact_event ADD COLUMN IF NOT EXISTS unit_key VARCHAR;
ALTER TABLE fact_event ADD COLUMN IF NOT EXISTS denominator INTEGER;
-- And before the areas of the mother's LSOA (db/045-boundaries.sql, v_lsoa_area).
ALTER TABLE fact_event ADD COLUMN IF NOT EXISTS msoa VARCHAR;
ALTER TABLE fact_event ADD COLUMN IF NOT EXISTS ward VARCHAR;
ALTER TABLE fact_event ADD COLUMN IF NOT EXISTS neighbourhood VARCHAR;

-- quality_item: v_quality_item materialised (the view re-derives women, bookings and births on
-- every read). Built by quality.query.JdbcQualityQuery.
CREATE TABLE IF NOT EXISTS quality_item AS SELECT * FROM v_quality_item LIMIT 0;

-- derived_build: what the last complete refresh rested on (a hash of every step's inputs), so a start
-- after a definition, the IMD vintage or the loaded data changed elsewhere rebuilds what is stale.
-- definitions_hash is the part of it that is not the loaded submissions, submissions the loaded submissions
-- (id@loaded_at): when only the submissions changed, a refresh rebuilds what the load touched.
CREATE TABLE IF NOT EXISTS derived_build (state_hash VARCHAR, built_at TIMESTAMP);
ALTER TABLE derived_build ADD COLUMN IF NOT EXISTS definitions_hash VARCHAR;
ALTER TABLE derived_build ADD COLUMN IF NOT EXISTS submissions VARCHAR;

-- Before derived_build, the measure facts kept their own build record.
DROP TABLE IF EXISTS fact_build;
