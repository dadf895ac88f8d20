-- ---------------------------------------------------------------------------------------------
-- Community assets and where postcodes are: the postcode directory's grid reference (British
-- National Grid metres, oseast1m/osnrth1m), and the LMNS's community assets register (family hubs,
-- community hubs, children's centres, VCSE groups), a file the LMNS keeps. A load replaces the
-- register whole. An asset's LSOA and location come from the postcode directory at read time
-- (v_asset), so a later directory fills in what an earlier one lacked.
-- ---------------------------------------------------------------------------------------------
ALTER TABLE ref_postcode ADD COLUMN IF NOT EXISTS easting INTEGER;   -- oseast1m / east1m, metres
ALTER TABLE ref_postcode ADD COLUMN IF NOT EXISTS northing INTEGER;  -- osnrth1m / north1m, metres

CREATE TABLE IF NOT EXISTS ref_asset (
  line INTEGER NOT NULL,            -- line of the register file (header = line 1)
  name VARCHAR NOT NULL,
  type VARCHAR NOT NULL,            -- family_hub | community_hub | childrens_centre | vcse_group
  postcode VARCHAR,                 -- as written in the file
  postcode_key VARCHAR,             -- upper case, no spaces
  services VARCHAR,
  languages VARCHAR,
  opening VARCHAR,
  contact VARCHAR
);

-- The register with each asset's LSOA (of the configured IMD vintage) and grid reference; null when
-- the postcode is not in the loaded directory.
CREATE OR REPLACE VIEW v_asset AS
SELECT a.line, a.name, a.type, coalesce(p.pcds, a.postcode) AS postcode,
       CASE s.value WHEN '2019' THEN p.lsoa11 ELSE p.lsoa21 END AS lsoa,
       p.easting, p.northing, a.services, a.languages, a.opening, a.contact
FROM ref_asset a
CROSS JOIN (SELECT value FROM setting WHERE name = 'imd_vintage') s
LEFT JOIN ref_postcode p ON p.postcode_key = a.postcode_key;
