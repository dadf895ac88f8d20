-- ---------------------------------------------------------------------------------------------
-- Reference data: postcode directory (ONSPD/NSPL), English Indices of Deprivation (File 7) by
-- vintage, GP practice to primary care network, and the settings the linkage views read.
-- Each load replaces its kind (a postcode directory, one IMD vintage, the PCN mapping) whole.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS ref_postcode (
  postcode_key VARCHAR NOT NULL,    -- upper case, no spaces: LE11AA
  pcds VARCHAR,                     -- one-space form: LE1 1AA
  terminated VARCHAR,               -- doterm (CCYYMM), null for live postcodes
  la_code VARCHAR,                  -- local authority district (oslaua / laua / ladNNcd)
  country VARCHAR,                  -- ctry (E92000001 = England)
  lsoa11 VARCHAR,
  lsoa21 VARCHAR
);

CREATE TABLE IF NOT EXISTS ref_imd (
  vintage VARCHAR NOT NULL,         -- 2019 (LSOA 2011) | 2025 (LSOA 2021)
  lsoa VARCHAR NOT NULL,
  lsoa_name VARCHAR,
  la_code VARCHAR,
  la_name VARCHAR,
  imd_score DOUBLE,
  imd_rank INTEGER,                 -- 1 = most deprived
  imd_decile INTEGER                -- 1 = most deprived 10% of LSOAs in England
);

CREATE TABLE IF NOT EXISTS ref_gp_pcn (
  practice_code VARCHAR NOT NULL,
  pcn_code VARCHAR,
  pcn_name VARCHAR
);
-- Added after the first release: the practice's name, shown beside its code (absent in older mapping files).
ALTER TABLE ref_gp_pcn ADD COLUMN IF NOT EXISTS practice_name VARCHAR;

CREATE TABLE IF NOT EXISTS ref_file (
  loaded_at TIMESTAMP NOT NULL,
  kind VARCHAR NOT NULL,            -- postcode_directory | imd | gp_pcn
  layout VARCHAR NOT NULL,          -- e.g. ONSPD (pcd/oslaua/lsoa11/lsoa21), IoD2019 File 7
  vintage VARCHAR,                  -- IMD vintage, for kind imd
  file_name VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  rows BIGINT NOT NULL,
  user_name VARCHAR NOT NULL
);

-- Local authority district to LLR place (Leicester; the seven Leicestershire districts and the
-- county itself; Rutland). Any other local authority is Outside LLR.
CREATE TABLE IF NOT EXISTS ref_llr_place (
  la_code VARCHAR PRIMARY KEY,
  la_name VARCHAR NOT NULL,
  place VARCHAR NOT NULL
);
INSERT OR REPLACE INTO ref_llr_place VALUES
  ('E06000016', 'Leicester', 'Leicester'),
  ('E06000017', 'Rutland', 'Rutland'),
  ('E10000018', 'Leicestershire', 'Leicestershire'),
  ('E07000129', 'Blaby', 'Leicestershire'),
  ('E07000130', 'Charnwood', 'Leicestershire'),
  ('E07000131', 'Harborough', 'Leicestershire'),
  ('E07000132', 'Hinckley and Bosworth', 'Leicestershire'),
  ('E07000133', 'Melton', 'Leicestershire'),
  ('E07000134', 'North West Leicestershire', 'Leicestershire'),
  ('E07000135', 'Oadby and Wigston', 'Leicestershire');

-- Settings the views read; ReferenceSettings writes them at every start from configuration.
CREATE TABLE IF NOT EXISTS setting (
  name VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);
INSERT OR IGNORE INTO setting VALUES ('imd_vintage', '2019');
