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
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW internal.msd001 AS
SELECT r.*, s.provider FROM main.msd001 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.LPIDMother
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.msd002 AS
SELECT r.*, s.provider FROM main.msd002 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.LPIDMother, r.OrgCodeGMPMother, r.StartDateGMPReg
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.msd101 AS
SELECT r.*, s.provider FROM main.msd101 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.PregnancyID
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.msd102 AS
SELECT r.*, s.provider FROM main.msd102 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.PregnancyID, r.CarePlanDate, r.CarePlanType
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.msd201 AS
SELECT r.*, s.provider FROM main.msd201 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.CareConID
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.msd202 AS
SELECT r.*, s.provider FROM main.msd202 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.CareActIDMother
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.msd301 AS
SELECT r.*, s.provider FROM main.msd301 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.LabourDeliveryID
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.msd302 AS
SELECT r.*, s.provider FROM main.msd302 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.LabourDeliveryID, r.ClinInterDateMother,
                                        r.ProcedureCode, r.FindingCode, r.ObsCode
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.msd401 AS
SELECT r.*, s.provider FROM main.msd401 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.LPIDBaby
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.msd405 AS
SELECT r.*, s.provider FROM main.msd405 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.CareActIDBaby
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

-- ---------------------------------------------------------------------------------------------
-- v_women: one row per mother (provider + local patient id) with the items that belong to her:
-- ethnicity, where she lives (district only), GP practice, and the team of her latest care plan.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW v_women AS
WITH gp AS (
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
)
SELECT
  m.provider,
  m.LPIDMother AS mother_id,
  m.PersonBirthDateMother AS birth_date,
  CASE WHEN m.EthnicCategoryMother IN ('A','B','C','D','E','F','G','H','J','K','L','M','N','P','R','S','Z','99')
       THEN m.EthnicCategoryMother ELSE 'Missing' END AS ethnic_category,
  CASE
    WHEN m.EthnicCategoryMother IN ('A','B','C') THEN 'White'
    WHEN m.EthnicCategoryMother IN ('D','E','F','G') THEN 'Mixed'
    WHEN m.EthnicCategoryMother IN ('H','J','K','L') THEN 'Asian or Asian British'
    WHEN m.EthnicCategoryMother IN ('M','N','P') THEN 'Black or Black British'
    WHEN m.EthnicCategoryMother IN ('R','S') THEN 'Any other ethnic group'
    WHEN m.EthnicCategoryMother = 'Z' THEN 'Not stated'
    WHEN m.EthnicCategoryMother = '99' THEN 'Not known'
    ELSE 'Missing'
  END AS ethnic_group,
  -- Outward code of a well-formed postcode, or the national layout district; never the full postcode.
  coalesce(CASE WHEN NOT list_contains(m.invalid_items, 'Postcode')
                THEN nullif(regexp_extract(upper(replace(m.Postcode, ' ', '')), '^([A-Z]{1,2}[0-9][A-Z0-9]?)[0-9][A-Z]{2}$', 1), '') END,
           m.PostcodeDistrictMother) AS postcode_district,
  m.LSOAMother2011 AS lsoa11_submitted,
  gp.gp_practice,
  team.team
FROM internal.msd001 m
LEFT JOIN gp ON gp.provider = m.provider AND gp.LPIDMother = m.LPIDMother
LEFT JOIN team ON team.provider = m.provider AND team.LPIDMother = m.LPIDMother;

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
  coalesce(b.AgeAtBookingMother, date_diff('year', m.PersonBirthDateMother, b.AntenatalAppDate)
                                 - CASE WHEN strftime(b.AntenatalAppDate, '%m%d') < strftime(m.PersonBirthDateMother, '%m%d') THEN 1 ELSE 0 END) AS age_at_booking,
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
