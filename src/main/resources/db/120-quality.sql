-- ---------------------------------------------------------------------------------------------
-- Data quality of the MSDS items that equity analysis depends on (docs/data-quality.md).
-- v_quality_item: one row per (record, item) with its status, following the NHS DQ file rules
-- (msds-v2.md 3.3): Missing = blank; Default = the item's "not known" code; Invalid = the value
-- failed its MSDS format at ingestion (listed in invalid_items, typed column null) or is outside
-- the item's plausible range; Valid = the rest.
--
-- Cohorts, so that counts agree with the measures:
--   * items of the mother (ethnic_category, postcode, gp_practice, care_plan_team): one row per
--     booking, dated by the booking date, as the measures ethnicity_recorded and postcode_linked
--     count women booked,
--   * items of the booking (gestation_at_booking, smoking_status): one row per booking,
--   * items of the baby (gestation_at_birth, delivery_method, first_feed, birthweight): one row per
--     baby, dated by the birth date.
-- cohort_date is that date; month is its YYYY-MM. team is the woman's team (the TeamLocalID of her
-- latest care plan that names one, as in v_women and the measure facts), booking_site the site of
-- the booking (for a baby: of its pregnancy's booking).
--
-- problem is what a community team must fix: null when valid, else missing | default | invalid |
-- not_linked. not_linked is a well-formed postcode that is not in the postcode directory: counted
-- as invalid, but named apart on worklists because the postcode may be new rather than mistyped.
--
-- value shows the recorded value only where it is safe to show: codes, the postcode district (never
-- the full postcode), days and grams. NHS numbers never appear.
-- ---------------------------------------------------------------------------------------------

-- Birthweight as recorded, before v_baby_observations turns 9999 into "no weight" (which the
-- outcome measures need): data quality must tell the default 9999 apart from a weight never recorded.
-- Same observation codes and precedence as v_baby_observations.
CREATE OR REPLACE VIEW internal.quality_birthweight AS
SELECT o.provider, o.LPIDBaby AS baby_id,
       CASE WHEN lower(o.UCUMUnit) IN ('kg', 'kilograms') THEN round(try_cast(o.ObsValue AS DOUBLE) * 1000)
            ELSE round(try_cast(o.ObsValue AS DOUBLE)) END AS grams,
       o.ObsValue IS NOT NULL AS recorded
FROM internal.msd405 o JOIN internal.msd401 b ON b.provider = o.provider AND b.LPIDBaby = o.LPIDBaby
WHERE o.ObsCode IN ('364589006', '636..')
   OR (o.ObsCode IN ('27113001', '22A..') AND o.ClinInterDateBaby = b.PersonBirthDateBaby)
QUALIFY row_number() OVER (PARTITION BY o.provider, o.LPIDBaby
                           ORDER BY o.ObsCode IN ('364589006', '636..') DESC, o.line DESC) = 1;

-- The woman's latest care plan, whether or not it names a team (v_women.team skips plans without
-- one, which is right for grouping but would hide the gap this item reports).
CREATE OR REPLACE VIEW internal.quality_latest_care_plan AS
SELECT b.provider, b.LPIDMother AS mother_id, p.TeamLocalID AS team_local_id,
       list_contains(p.invalid_items, 'TeamLocalID') AS team_invalid
FROM internal.msd102 p JOIN internal.msd101 b ON b.provider = p.provider AND b.PregnancyID = p.PregnancyID
QUALIFY row_number() OVER (PARTITION BY b.provider, b.LPIDMother ORDER BY p.CarePlanDate DESC, p.line DESC) = 1;

CREATE OR REPLACE VIEW v_quality_item AS
WITH booking AS (
  SELECT b.provider, b.pregnancy_id, b.mother_id, b.booking_date, b.booking_site, b.gestation_at_booking_days,
         b.invalid_items, b.age_at_booking,
         w.team, w.place, w.local_authority, w.pcn_code AS pcn, w.ethnic_group, w.imd_decile, w.imd_quintile, w.lsoa,
         w.ethnic_category, w.postcode_status, w.postcode_district, w.gp_practice,
         m.LPIDMother IS NOT NULL AS has_mother_record,
         coalesce(list_contains(m.invalid_items, 'EthnicCategoryMother'), false) AS ethnic_invalid
  FROM v_bookings b
  LEFT JOIN v_women w ON w.provider = b.provider AND w.mother_id = b.mother_id
  LEFT JOIN internal.msd001 m ON m.provider = b.provider AND m.LPIDMother = b.mother_id
), birth AS (
  SELECT c.provider, c.baby_id, c.pregnancy_id, c.mother_id, c.birth_date, c.gestation_days, c.delivery_method,
         c.first_feed, c.invalid_items, bk.booking_date, bk.booking_site, bk.age_at_booking,
         w.team, w.place, w.local_authority, w.pcn_code AS pcn, w.ethnic_group, w.imd_decile, w.imd_quintile, w.lsoa,
         w.ethnic_category, w.postcode_district, w.gp_practice
  FROM v_births c
  LEFT JOIN v_bookings bk ON bk.provider = c.provider AND bk.pregnancy_id = c.pregnancy_id
  LEFT JOIN v_women w ON w.provider = c.provider AND w.mother_id = c.mother_id
), mother_items AS (
  -- Ethnic category: A-S valid. Z (asked, declined) valid too: declining is the woman's answer.
  -- 99 (not known) default, a code outside the list invalid (ingestion nulls it and lists it), blank missing.
  SELECT b.*, 'ethnic_category' AS item,
         CASE WHEN b.ethnic_invalid THEN 'invalid'
              WHEN b.ethnic_category = '99' THEN 'default'
              WHEN b.ethnic_category IS NULL OR b.ethnic_category = 'Missing' THEN 'missing'
              ELSE 'valid' END AS status,
         NULL AS link_problem,
         CASE WHEN b.ethnic_category <> 'Missing' THEN b.ethnic_category END AS value
  FROM booking b
  UNION ALL BY NAME
  -- Postcode: linked, terminated (still linked), an LSOA submitted instead (national layout) or outside
  -- England (a real postcode, just no English IMD) valid. ZZ99 pseudo-postcode default, malformed invalid,
  -- well formed but not in the directory invalid (worklist: not_linked); none missing.
  SELECT b.*, 'postcode' AS item,
         CASE WHEN b.postcode_status IN ('linked', 'terminated', 'lsoa_submitted', 'outside_england') THEN 'valid'
              WHEN b.postcode_status = 'pseudo' THEN 'default'
              WHEN b.postcode_status IN ('malformed', 'unmatched') THEN 'invalid'
              ELSE 'missing' END AS status,
         CASE WHEN b.postcode_status = 'unmatched' THEN 'not_linked' END AS link_problem,
         CASE WHEN b.postcode_district <> 'Unknown' THEN b.postcode_district END AS value
  FROM booking b
  UNION ALL BY NAME
  -- GP practice: a registered practice valid; V81999/V81997/V81998 (practice not known, not registered,
  -- not applicable) default; no registration row missing. The code is mandatory in MSD002, so a
  -- malformed one rejects the row at ingestion and shows here as missing.
  SELECT b.*, 'gp_practice' AS item,
         CASE WHEN b.gp_practice IS NULL OR b.gp_practice = 'Unknown' THEN 'missing'
              WHEN b.gp_practice IN ('V81999', 'V81997', 'V81998') THEN 'default'
              ELSE 'valid' END AS status,
         NULL AS link_problem,
         CASE WHEN b.gp_practice <> 'Unknown' THEN b.gp_practice END AS value
  FROM booking b
  UNION ALL BY NAME
  -- Care plan team: the woman's latest care plan names a TeamLocalID valid; a TeamLocalID failing its
  -- format invalid; no care plan, or a latest plan without a team, missing.
  SELECT b.*, 'care_plan_team' AS item,
         CASE WHEN p.team_invalid THEN 'invalid'
              WHEN p.team_local_id IS NOT NULL THEN 'valid'
              ELSE 'missing' END AS status,
         NULL AS link_problem,
         p.team_local_id AS value
  FROM booking b
  LEFT JOIN internal.quality_latest_care_plan p ON p.provider = b.provider AND p.mother_id = b.mother_id
  UNION ALL BY NAME
  -- Gestation at booking (days; GestAgeBooking, else 280 - (EDD - booking date)): 0-300 valid; outside
  -- invalid; an EDD or GestAgeBooking that failed its format invalid; no EDD missing.
  SELECT b.*, 'gestation_at_booking' AS item,
         CASE WHEN b.gestation_at_booking_days BETWEEN 0 AND 300 THEN 'valid'
              WHEN b.gestation_at_booking_days IS NOT NULL THEN 'invalid'
              WHEN list_has_any(b.invalid_items, ['EDDAgreed', 'GestAgeBooking']) THEN 'invalid'
              ELSE 'missing' END AS status,
         NULL AS link_problem,
         CAST(b.gestation_at_booking_days AS VARCHAR) AS value
  FROM booking b
  UNION ALL BY NAME
  -- Smoking status at booking (derived as CQIMSmokingBooking): Smoker or Non-Smoker / Ex-Smoker valid,
  -- Unknown (SNOMED 266927001) default; no smoking record within 3 days of booking missing.
  SELECT b.*, 'smoking_status' AS item,
         CASE WHEN s.status IN ('Smoker', 'Non-Smoker / Ex-Smoker') THEN 'valid'
              WHEN s.status = 'Unknown' THEN 'default'
              ELSE 'missing' END AS status,
         NULL AS link_problem,
         s.status AS value
  FROM booking b
  LEFT JOIN v_smoking_at_booking s ON s.provider = b.provider AND s.pregnancy_id = b.pregnancy_id
), baby_items AS (
  -- Gestation at birth (days): 154-315 valid (the CQIMDQ15 range the preterm measure needs); outside
  -- invalid; a value failing its format invalid; blank missing.
  SELECT c.*, 'gestation_at_birth' AS item,
         CASE WHEN c.gestation_days BETWEEN 154 AND 315 THEN 'valid'
              WHEN c.gestation_days IS NOT NULL OR list_contains(c.invalid_items, 'GestationLengthBirth') THEN 'invalid'
              ELSE 'missing' END AS status,
         CAST(c.gestation_days AS VARCHAR) AS value
  FROM birth c
  UNION ALL BY NAME
  -- Delivery method: codes 0-9 valid; another code invalid; blank missing.
  SELECT c.*, 'delivery_method' AS item,
         CASE WHEN list_contains(c.invalid_items, 'DeliveryMethodCode') THEN 'invalid'
              WHEN c.delivery_method IN ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9') THEN 'valid'
              WHEN c.delivery_method IS NOT NULL THEN 'invalid'
              ELSE 'missing' END AS status,
         c.delivery_method AS value
  FROM birth c
  UNION ALL BY NAME
  -- First feed: 01 and 02 (breast milk) and 03 (not breast milk) valid; another code invalid; blank missing.
  SELECT c.*, 'first_feed' AS item,
         CASE WHEN list_contains(c.invalid_items, 'BabyFirstFeedIndCode') THEN 'invalid'
              WHEN c.first_feed IN ('01', '02', '03') THEN 'valid'
              WHEN c.first_feed IS NOT NULL THEN 'invalid'
              ELSE 'missing' END AS status,
         c.first_feed AS value
  FROM birth c
  UNION ALL BY NAME
  -- Birthweight (grams, from the birth weight observation): 1-9998 valid; 9999 (or 9999 kg, as the
  -- national pipeline treats it) default; any other value, or one that is not a number, invalid; no
  -- weight observation missing.
  SELECT c.*, 'birthweight' AS item,
         CASE WHEN w.grams BETWEEN 1 AND 9998 THEN 'valid'
              WHEN w.grams IN (9999, 9999000) THEN 'default'
              WHEN w.recorded THEN 'invalid'
              ELSE 'missing' END AS status,
         CAST(CAST(w.grams AS BIGINT) AS VARCHAR) AS value
  FROM birth c
  LEFT JOIN internal.quality_birthweight w ON w.provider = c.provider AND w.baby_id = c.baby_id
), item_rows AS (
SELECT provider, mother_id, mother_id AS local_patient_id, pregnancy_id, booking_date,
       booking_date AS cohort_date, team, booking_site, item, status,
       CASE WHEN status = 'valid' THEN NULL ELSE coalesce(link_problem, status) END AS problem,
       value, age_at_booking, place, local_authority, pcn, ethnic_group, ethnic_category, imd_decile, imd_quintile,
       lsoa, postcode_district, gp_practice
FROM mother_items
WHERE booking_date IS NOT NULL
UNION ALL
SELECT provider, mother_id, baby_id, pregnancy_id, booking_date,
       birth_date, team, booking_site, item, status,
       CASE WHEN status = 'valid' THEN NULL ELSE status END,
       value, age_at_booking, place, local_authority, pcn, ethnic_group, ethnic_category, imd_decile, imd_quintile,
       lsoa, postcode_district, gp_practice
FROM baby_items
WHERE birth_date IS NOT NULL
)
-- Every breakdown dimension of DESIGN.md section 4 as a fixed text column named after its id, with the
-- same labels as the measure facts, through the same macros (db/090-macros.sql).
SELECT provider, mother_id, local_patient_id, pregnancy_id, booking_date, cohort_date, item, status, problem, value,
       or_unknown(team) AS team,
       or_unknown(booking_site) AS booking_site,
       month_label(cohort_date) AS month,
       quarter_label(cohort_date) AS quarter,
       financial_year_label(cohort_date) AS financial_year,
       or_missing(ethnic_group) AS ethnic_group,
       or_missing(ethnic_category) AS ethnic_category,
       or_unknown(imd_decile) AS imd_decile,
       or_unknown(imd_quintile) AS imd_quintile,
       or_unknown(place) AS place,
       or_unknown(local_authority) AS local_authority,
       or_unknown(postcode_district) AS postcode_district,
       or_unknown(lsoa) AS lsoa,
       or_unknown(gp_practice) AS gp_practice,
       or_unknown(pcn) AS pcn,
       age_band(age_at_booking) AS age_group,
       or_unknown(a.msoa) AS msoa,
       or_unknown(a.ward) AS ward,
       or_unknown(a.neighbourhood) AS neighbourhood
FROM item_rows
LEFT JOIN (SELECT lsoa AS area_lsoa, msoa, ward, neighbourhood FROM v_lsoa_area) a ON a.area_lsoa = item_rows.lsoa;
