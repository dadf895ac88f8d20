-- ---------------------------------------------------------------------------------------------
-- Derived views. Schema "internal" holds the latest version of every MSDS record; the v_ views
-- in the main schema are the analytic API that services read (women, bookings, births, contacts).
-- Full postcodes and NHS numbers never appear in a v_ view.
-- ---------------------------------------------------------------------------------------------
CREATE SCHEMA IF NOT EXISTS internal;

-- ---------------------------------------------------------------------------------------------
-- Latest version of each record. MSDS submissions are cumulative and overlap, so one record
-- (keyed within its provider) can arrive in several submissions: the one from the submission
-- with the latest reporting period wins, then the most recently loaded, then the later line.
-- internal.msdNNN_latest computes it; ingest.LatestVersions stores the result in internal.msdNNN_store
-- at every derived-data refresh (a window over every submission is too slow to repeat in every query), and
-- internal.msdNNN reads the store.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW internal.msd001_latest AS
SELECT r.*, s.provider FROM main.msd001 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.LPIDMother
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.msd002_latest AS
SELECT r.*, s.provider FROM main.msd002 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.LPIDMother, r.OrgCodeGMPMother, r.StartDateGMPReg
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.msd101_latest AS
SELECT r.*, s.provider FROM main.msd101 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.PregnancyID
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.msd102_latest AS
SELECT r.*, s.provider FROM main.msd102 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.PregnancyID, r.CarePlanDate, r.CarePlanType
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.msd201_latest AS
SELECT r.*, s.provider FROM main.msd201 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.CareConID
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.msd202_latest AS
SELECT r.*, s.provider FROM main.msd202 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.CareActIDMother
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.msd301_latest AS
SELECT r.*, s.provider FROM main.msd301 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.LabourDeliveryID
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.msd302_latest AS
SELECT r.*, s.provider FROM main.msd302 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.LabourDeliveryID, r.ClinInterDateMother,
                                        r.ProcedureCode, r.FindingCode, r.ObsCode
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.msd401_latest AS
SELECT r.*, s.provider FROM main.msd401 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.LPIDBaby
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.msd405_latest AS
SELECT r.*, s.provider FROM main.msd405 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.CareActIDBaby
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

-- Stores of the latest versions (refreshed by ingest.LatestVersions) and the views every query reads.
CREATE TABLE IF NOT EXISTS internal.msd001_store AS SELECT * FROM internal.msd001_latest LIMIT 0;
CREATE TABLE IF NOT EXISTS internal.msd002_store AS SELECT * FROM internal.msd002_latest LIMIT 0;
CREATE TABLE IF NOT EXISTS internal.msd101_store AS SELECT * FROM internal.msd101_latest LIMIT 0;
CREATE TABLE IF NOT EXISTS internal.msd102_store AS SELECT * FROM internal.msd102_latest LIMIT 0;
CREATE TABLE IF NOT EXISTS internal.msd201_store AS SELECT * FROM internal.msd201_latest LIMIT 0;
CREATE TABLE IF NOT EXISTS internal.msd202_store AS SELECT * FROM internal.msd202_latest LIMIT 0;
CREATE TABLE IF NOT EXISTS internal.msd301_store AS SELECT * FROM internal.msd301_latest LIMIT 0;
CREATE TABLE IF NOT EXISTS internal.msd302_store AS SELECT * FROM internal.msd302_latest LIMIT 0;
CREATE TABLE IF NOT EXISTS internal.msd401_store AS SELECT * FROM internal.msd401_latest LIMIT 0;
CREATE TABLE IF NOT EXISTS internal.msd405_store AS SELECT * FROM internal.msd405_latest LIMIT 0;
CREATE OR REPLACE VIEW internal.msd001 AS SELECT * FROM internal.msd001_store;
CREATE OR REPLACE VIEW internal.msd002 AS SELECT * FROM internal.msd002_store;
CREATE OR REPLACE VIEW internal.msd101 AS SELECT * FROM internal.msd101_store;
CREATE OR REPLACE VIEW internal.msd102 AS SELECT * FROM internal.msd102_store;
CREATE OR REPLACE VIEW internal.msd201 AS SELECT * FROM internal.msd201_store;
CREATE OR REPLACE VIEW internal.msd202 AS SELECT * FROM internal.msd202_store;
CREATE OR REPLACE VIEW internal.msd301 AS SELECT * FROM internal.msd301_store;
CREATE OR REPLACE VIEW internal.msd302 AS SELECT * FROM internal.msd302_store;
CREATE OR REPLACE VIEW internal.msd401 AS SELECT * FROM internal.msd401_store;
CREATE OR REPLACE VIEW internal.msd405 AS SELECT * FROM internal.msd405_store;

-- ---------------------------------------------------------------------------------------------
-- v_women: one row per mother (provider + local patient id) with the items that belong to her:
-- ethnicity, where she lives, GP practice and neighbourhood, and the team of her latest care plan.
-- Where she lives is linked postcode -> LSOA -> IMD decile, local authority and LLR place, with the
-- IMD vintage in setting imd_vintage (2019 on LSOA 2011, 2025 on LSOA 2021; never mixed). Without a
-- postcode the national layout LSOAMother2011 links directly (2019 vintage only). Full postcodes
-- never leave this view: only the district and the LSOA do. Failed links read 'Unknown'.
-- postcode_status: linked | terminated (doterm set, still linked) | lsoa_submitted | pseudo (ZZ99)
-- | outside_england | unmatched (well formed, not in the directory) | malformed | missing.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW v_women AS
WITH vintage AS (
  SELECT value AS imd_vintage FROM setting WHERE name = 'imd_vintage'
), gp AS (
  SELECT provider, LPIDMother, OrgCodeGMPMother AS gp_practice
  FROM internal.msd002
  QUALIFY row_number() OVER (PARTITION BY provider, LPIDMother
                             ORDER BY (EndDateGMPReg IS NULL) DESC, StartDateGMPReg DESC NULLS LAST, line DESC) = 1
), team AS (
  SELECT b.provider, b.LPIDMother, p.TeamLocalID AS team
  FROM internal.msd102 p JOIN internal.msd101 b ON b.provider = p.provider AND b.PregnancyID = p.PregnancyID
  WHERE p.TeamLocalID IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY b.provider, b.LPIDMother
                             ORDER BY p.CarePlanDate DESC, p.line DESC) = 1
), mother AS (
  SELECT m.*,
         list_contains(m.invalid_items, 'Postcode') AS postcode_malformed,
         CASE WHEN NOT list_contains(m.invalid_items, 'Postcode') THEN upper(replace(m.Postcode, ' ', '')) END AS postcode_key
  FROM internal.msd001 m
), located AS (
  SELECT m.*, v.imd_vintage,
         p.postcode_key IS NOT NULL AS in_directory, p.terminated, p.country,
         starts_with(m.postcode_key, 'ZZ99') OR (m.Postcode IS NULL AND m.PostcodeDistrictMother = 'ZZ99') AS pseudo,
         CASE v.imd_vintage WHEN '2019' THEN coalesce(p.lsoa11, CASE WHEN m.Postcode IS NULL THEN m.LSOAMother2011 END)
                            ELSE p.lsoa21 END AS linked_lsoa,
         p.la_code AS postcode_la
  FROM mother m
  CROSS JOIN vintage v
  LEFT JOIN ref_postcode p ON p.postcode_key = m.postcode_key
)
SELECT
  l.provider,
  l.LPIDMother AS mother_id,
  l.PersonBirthDateMother AS birth_date,
  CASE WHEN l.EthnicCategoryMother IN ('A','B','C','D','E','F','G','H','J','K','L','M','N','P','R','S','Z','99')
       THEN l.EthnicCategoryMother ELSE 'Missing' END AS ethnic_category,
  CASE
    WHEN l.EthnicCategoryMother IN ('A','B','C') THEN 'White'
    WHEN l.EthnicCategoryMother IN ('D','E','F','G') THEN 'Mixed'
    WHEN l.EthnicCategoryMother IN ('H','J','K','L') THEN 'Asian or Asian British'
    WHEN l.EthnicCategoryMother IN ('M','N','P') THEN 'Black or Black British'
    WHEN l.EthnicCategoryMother IN ('R','S') THEN 'Any other ethnic group'
    WHEN l.EthnicCategoryMother = 'Z' THEN 'Not stated'
    WHEN l.EthnicCategoryMother = '99' THEN 'Not known'
    ELSE 'Missing'
  END AS ethnic_group,
  CASE
    WHEN l.postcode_malformed THEN 'malformed'
    WHEN l.pseudo THEN 'pseudo'
    WHEN l.Postcode IS NULL AND l.LSOAMother2011 IS NOT NULL THEN 'lsoa_submitted'
    WHEN l.Postcode IS NULL THEN 'missing'
    WHEN NOT l.in_directory THEN 'unmatched'
    WHEN l.country IS NOT NULL AND l.country <> 'E92000001' THEN 'outside_england'
    WHEN l.terminated IS NOT NULL THEN 'terminated'
    ELSE 'linked'
  END AS postcode_status,
  or_unknown(coalesce(nullif(regexp_extract(l.postcode_key, '^([A-Z]{1,2}[0-9][A-Z0-9]?)[0-9][A-Z]{2}$', 1), ''),
                      l.PostcodeDistrictMother)) AS postcode_district,
  or_unknown(l.linked_lsoa) AS lsoa,
  i.imd_decile,
  CAST(ceil(i.imd_decile / 2.0) AS INTEGER) AS imd_quintile,
  l.imd_vintage,
  or_unknown(coalesce(l.postcode_la, i.la_code, l.LAD_UAMother)) AS local_authority,
  CASE
    WHEN l.pseudo THEN 'Pseudo postcode (ZZ99: no fixed abode or overseas)'
    WHEN coalesce(l.postcode_la, i.la_code, l.LAD_UAMother) IS NULL THEN 'Unknown'
    ELSE coalesce(pl.place, 'Outside LLR')
  END AS place,
  or_unknown(gp.gp_practice) AS gp_practice,
  or_unknown(pcn.pcn_code) AS pcn_code,
  or_unknown(pcn.pcn_name) AS pcn,
  or_unknown(team.team) AS team
FROM located l
LEFT JOIN ref_imd i ON i.vintage = l.imd_vintage AND i.lsoa = l.linked_lsoa
LEFT JOIN ref_llr_place pl ON pl.la_code = coalesce(l.postcode_la, i.la_code, l.LAD_UAMother)
LEFT JOIN gp ON gp.provider = l.provider AND gp.LPIDMother = l.LPIDMother
LEFT JOIN ref_gp_pcn pcn ON pcn.practice_code = gp.gp_practice
LEFT JOIN team ON team.provider = l.provider AND team.LPIDMother = l.LPIDMother;

-- ---------------------------------------------------------------------------------------------
-- v_bookings: one row per pregnancy booking. Gestation at booking in days is GestAgeBooking when
-- the national layout has it, else 280 - (EDDAgreed - AntenatalAppDate).
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW v_bookings AS
SELECT
  b.provider,
  b.PregnancyID AS pregnancy_id,
  b.LPIDMother AS mother_id,
  b.AntenatalAppDate AS booking_date,
  b.EDDAgreed AS edd,
  coalesce(b.GestAgeBooking, 280 - date_diff('day', b.AntenatalAppDate, b.EDDAgreed)) AS gestation_at_booking_days,
  coalesce(b.AgeAtBookingMother, age_on(m.PersonBirthDateMother, b.AntenatalAppDate)) AS age_at_booking,
  b.OrgSiteIDBooking AS booking_site,
  b.FolicAcidSupplement AS folic_acid,
  b.PreviousLiveBirths AS previous_live_births,
  b.PreviousStillBirths AS previous_still_births,
  b.PreviousCaesareanSections AS previous_caesareans,
  b.ComplexSocialFactorsInd AS complex_social_factors,
  b.DischargeDateMatService AS discharge_date,
  b.invalid_items
FROM internal.msd101 b
LEFT JOIN internal.msd001 m ON m.provider = b.provider AND m.LPIDMother = b.LPIDMother;

-- ---------------------------------------------------------------------------------------------
-- v_births: one row per baby, with its delivery, pregnancy and mother. babies_in_delivery counts
-- the babies of the same LabourDeliveryID (1 = singleton) unless the national layout supplies it.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW v_births AS
SELECT
  c.provider,
  c.LPIDBaby AS baby_id,
  c.LabourDeliveryID AS delivery_id,
  d.PregnancyID AS pregnancy_id,
  coalesce(b.LPIDMother, d.LPIDMother, c.LPIDMother) AS mother_id,
  c.PersonBirthDateBaby AS birth_date,
  c.PregOutcome AS pregnancy_outcome,
  c.GestationLengthBirth AS gestation_days,
  c.DeliveryMethodCode AS delivery_method,
  c.BabyFirstFeedIndCode AS first_feed,
  c.PersonDeathDateBaby AS death_date,
  c.PersonPhenSex AS sex,
  c.FetusPresentation AS presentation,
  c.SettingPlaceBirth AS birth_setting,
  c.OrgSiteIDActualDelivery AS delivery_site,
  coalesce(d.BirthsPerLabandDel, count(*) OVER (PARTITION BY c.provider, c.LabourDeliveryID)) AS babies_in_delivery,
  d.LabourOnsetMethod AS labour_onset_method,
  d.LabourOnsetDate AS labour_onset_date,
  d.CaesareanDate AS caesarean_date,
  c.invalid_items
FROM internal.msd401 c
LEFT JOIN internal.msd301 d ON d.provider = c.provider AND d.LabourDeliveryID = c.LabourDeliveryID
LEFT JOIN internal.msd101 b ON b.provider = d.provider AND b.PregnancyID = d.PregnancyID;

-- ---------------------------------------------------------------------------------------------
-- v_care_plans: one row per care plan (MSD102) of a pregnancy. line orders two plans of one date
-- (the later line of the submission wins where a measure wants the latest).
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW v_care_plans AS
SELECT
  p.provider,
  p.PregnancyID AS pregnancy_id,
  p.CarePlanDate AS plan_date,
  p.CarePlanType AS plan_type,
  p.MatPersCarePlanInd AS personalised_plan,
  p.ContCarePathInd AS continuity_of_carer,
  p.CareProfLID AS care_professional,
  p.TeamLocalID AS team,
  p.line
FROM internal.msd102 p;

-- ---------------------------------------------------------------------------------------------
-- v_contacts: one row per antenatal care contact, with its pregnancy and mother.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW v_contacts AS
SELECT
  k.provider,
  k.CareConID AS contact_id,
  k.PregnancyID AS pregnancy_id,
  coalesce(b.LPIDMother, k.LPIDMother) AS mother_id,
  k.CContactDate AS contact_date,
  k.Medium AS medium,
  k.AttendCode AS attend_code,
  k.ConsultType AS consult_type,
  k.OrgSiteIDOfTreat AS site,
  k.invalid_items
FROM internal.msd201 k
LEFT JOIN internal.msd101 b ON b.provider = k.provider AND b.PregnancyID = k.PregnancyID;
