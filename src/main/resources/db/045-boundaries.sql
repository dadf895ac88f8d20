-- ---------------------------------------------------------------------------------------------
-- Boundaries and neighbourhoods: the LMNS's own areas' shapes, the 2011 → 2021 LSOA lookup and
-- the LMNS's neighbourhood file. Shapes are WKB in British National Grid metres, read and drawn in
-- Java (no spatial SQL: DuckDB's spatial extension is not available); SQL joins on the codes only.
-- Each load replaces its kind (one area level's boundaries, the lookup, the neighbourhoods) whole.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS ref_boundary (
  level VARCHAR NOT NULL,           -- lsoa | msoa | ward | lad
  vintage VARCHAR NOT NULL,         -- year of the codes: 2011, 2021, 2025...
  code VARCHAR NOT NULL,            -- LSOA21CD / LSOA11CD / MSOA21CD / WDnnCD / LADnnCD
  name VARCHAR,                     -- LSOA21NM... when the file has it
  shape BLOB NOT NULL,              -- WKB, EPSG:27700, centimetre precision
  PRIMARY KEY (level, vintage, code)
);

-- Which larger area each of the LMNS's LSOAs lies in (the area holding the LSOA's interior point),
-- worked out when the larger areas' boundaries load: LSOAs nest in MSOAs and, nearly, in wards.
CREATE TABLE IF NOT EXISTS ref_lsoa_area (
  level VARCHAR NOT NULL,           -- msoa | ward | lad
  lsoa VARCHAR NOT NULL,
  code VARCHAR NOT NULL,
  PRIMARY KEY (level, lsoa)
);

-- ONS "LSOA (2011) to LSOA (2021) to Local Authority District (2022) Lookup":
-- CHGIND U unchanged, S split, M merged, X irregular.
CREATE TABLE IF NOT EXISTS ref_lsoa_lookup (
  lsoa11 VARCHAR NOT NULL,
  lsoa21 VARCHAR NOT NULL,
  change VARCHAR,
  PRIMARY KEY (lsoa11, lsoa21)
);

-- The LMNS's own neighbourhoods: LSOA → neighbourhood (a file the LMNS keeps).
CREATE TABLE IF NOT EXISTS ref_neighbourhood (
  lsoa VARCHAR PRIMARY KEY,
  neighbourhood_code VARCHAR NOT NULL,
  neighbourhood_name VARCHAR
);

-- The LMNS's own LSOAs, 2011 and 2021 codes: those the postcode directory or an IoD file puts in an LLR
-- local authority (ref_llr_place), and the 2021 successors of the 2011 ones. Boundaries are kept for these.
CREATE OR REPLACE VIEW v_lmns_lsoa AS
WITH own AS (
  SELECT p.lsoa11 AS lsoa FROM ref_postcode p JOIN ref_llr_place l ON l.la_code = p.la_code WHERE p.lsoa11 IS NOT NULL
  UNION SELECT p.lsoa21 FROM ref_postcode p JOIN ref_llr_place l ON l.la_code = p.la_code WHERE p.lsoa21 IS NOT NULL
  UNION SELECT i.lsoa FROM ref_imd i JOIN ref_llr_place l ON l.la_code = i.la_code
)
SELECT lsoa FROM own
UNION SELECT k.lsoa21 FROM ref_lsoa_lookup k WHERE k.lsoa11 IN (SELECT lsoa FROM own);

-- v_lsoa_area: the MSOA, ward and neighbourhood of an LSOA code of either vintage, the breakdown
-- dimensions msoa, ward and neighbourhood (measures/query/fact_event.sql, v_quality_item). A code takes
-- its own entry in ref_lsoa_area / ref_neighbourhood first; a 2011 code without one takes its 2021
-- successor's (the lookup; for an LSOA split in 2021, the first successor by code that has one), and a
-- 2021 code without one its 2011 predecessor's (likewise), so a national extract's LSOAMother2011 and a
-- 2021-coded neighbourhood file still meet. One row per code; a code no file places has no row.
CREATE OR REPLACE VIEW v_lsoa_area AS
WITH direct AS (
  SELECT lsoa, level, code FROM ref_lsoa_area WHERE level IN ('msoa', 'ward')
  UNION ALL SELECT lsoa, 'neighbourhood', neighbourhood_code FROM ref_neighbourhood
), linked AS (
  SELECT lsoa, level, code, 0 AS hop, lsoa AS via FROM direct
  UNION ALL SELECT k.lsoa11, d.level, d.code, 1, d.lsoa FROM ref_lsoa_lookup k JOIN direct d ON d.lsoa = k.lsoa21
  UNION ALL SELECT k.lsoa21, d.level, d.code, 2, d.lsoa FROM ref_lsoa_lookup k JOIN direct d ON d.lsoa = k.lsoa11
), chosen AS (
  SELECT lsoa, level, first(code ORDER BY hop, via) AS code FROM linked GROUP BY lsoa, level
)
SELECT lsoa,
       any_value(code) FILTER (WHERE level = 'msoa') AS msoa,
       any_value(code) FILTER (WHERE level = 'ward') AS ward,
       any_value(code) FILTER (WHERE level = 'neighbourhood') AS neighbourhood
FROM chosen
GROUP BY lsoa;
