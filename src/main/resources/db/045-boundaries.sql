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
