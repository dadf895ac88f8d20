-- ---------------------------------------------------------------------------------------------
-- Representation of the community served (docs/workforce.md): the LMNS's Maternity Voices
-- Partnership membership list, loaded with the reference files (reference.MvpMembersFile checks
-- each row; a load replaces the list whole). The member id is held only as its keyed hash.
-- ---------------------------------------------------------------------------------------------

-- One membership: a member who left and joined again has two rows.
CREATE TABLE IF NOT EXISTS ref_mvp_member (
  member_key VARCHAR NOT NULL,      -- pseudonym of the member id (keyed hash, as NHS numbers at ingest)
  ethnic_category VARCHAR,          -- NHS ethnic category A-S; Z, 99 or null: not known
  postcode_district VARCHAR,        -- LE1, LE67 (optional)
  lsoa VARCHAR,                     -- LSOA code (optional)
  joined DATE NOT NULL,
  left_on DATE,                     -- null while a member
  file_name VARCHAR NOT NULL,
  line INTEGER NOT NULL
);

-- The members of the partnership on each day are those who joined on or before it and had not left by it
-- (workforce.query binds the day: the end of a WRES year, as for staff in post).
