-- ---------------------------------------------------------------------------------------------
-- MHSDS derived views (DESIGN.md section 8): the latest version of each MHSDS record, and the
-- perinatal mental health women linked to their maternity (MSDS) records.
-- ---------------------------------------------------------------------------------------------

-- Latest version of each record, as for MSDS (100-derived-views.sql): MHSDS submissions are monthly
-- and carry every open referral with its history, so a referral or contact arrives again and again;
-- the submission with the latest reporting period wins, then the most recently loaded, then the later
-- line. submission_layout says whether the keys are local ids (provider) or Person_ID (national).
CREATE OR REPLACE VIEW internal.mhs001_latest AS
SELECT r.*, s.provider, s.layout AS submission_layout FROM main.mhs001 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.LocalPatientId
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.mhs101_latest AS
SELECT r.*, s.provider, s.layout AS submission_layout FROM main.mhs101 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.ServiceRequestId
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.mhs102_latest AS
SELECT r.*, s.provider, s.layout AS submission_layout FROM main.mhs102 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.ServiceRequestId, r.ServTeamTypeRefToMH
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

CREATE OR REPLACE VIEW internal.mhs201_latest AS
SELECT r.*, s.provider, s.layout AS submission_layout FROM main.mhs201 r JOIN main.submission s USING (submission_id)
QUALIFY row_number() OVER (PARTITION BY s.provider, r.CareContactId
                           ORDER BY s.rp_end DESC, s.rp_start DESC, s.submission_id DESC, r.line DESC) = 1;

-- Stores of the latest versions (refreshed by ingest.LatestVersions with the MSDS ones) and the views read.
CREATE TABLE IF NOT EXISTS internal.mhs001_store AS SELECT * FROM internal.mhs001_latest LIMIT 0;
CREATE TABLE IF NOT EXISTS internal.mhs101_store AS SELECT * FROM internal.mhs101_latest LIMIT 0;
CREATE TABLE IF NOT EXISTS internal.mhs102_store AS SELECT * FROM internal.mhs102_latest LIMIT 0;
CREATE TABLE IF NOT EXISTS internal.mhs201_store AS SELECT * FROM internal.mhs201_latest LIMIT 0;
CREATE OR REPLACE VIEW internal.mhs001 AS SELECT * FROM internal.mhs001_store;
CREATE OR REPLACE VIEW internal.mhs101 AS SELECT * FROM internal.mhs101_store;
CREATE OR REPLACE VIEW internal.mhs102 AS SELECT * FROM internal.mhs102_store;
CREATE OR REPLACE VIEW internal.mhs201 AS SELECT * FROM internal.mhs201_store;

-- ---------------------------------------------------------------------------------------------
-- v_mh_women: one row per woman of MHSDS (provider + LocalPatientId, or Person_ID in the national
-- layout), linked to her MSDS record: by the pseudonym of her NHS number (provider layout: both
-- datasets are hashed with the same key) or by Person_ID = Person_ID_Mother (national layout, where
-- MSD001.LPIDMother holds Person_ID_Mother). A woman known to several maternity providers links to
-- the one of her latest booking. Linked, her ethnicity, deprivation, place, GP practice and team come
-- from MSDS (even where MSDS records "not stated" or "not known"); unlinked, from MHS001MPI
-- (postcode -> LSOA -> IMD as in v_women, or LSOA2011 directly in the national layout), with no team.
-- dim_source says which ('MSDS' | 'MHSDS'). dim_provider and dim_mother_id are the key of her
-- dimensions in v_women_all, so measure rows of linked women group with the births of MSDS.
-- No gender or residence filter applies (DESIGN.md section 8); those items are carried for breakdowns
-- and data quality. Full postcodes and NHS numbers never leave this view.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW v_mh_women AS
WITH vintage AS (
  SELECT value AS imd_vintage FROM setting WHERE name = 'imd_vintage'
), msds_mother AS (
  SELECT m.provider, m.LPIDMother AS mother_id, m.NHSNumberMother AS nhs_pseudonym,
         s.layout <> 'provider' AS national,
         (SELECT max(b.AntenatalAppDate) FROM internal.msd101 b
          WHERE b.provider = m.provider AND b.LPIDMother = m.LPIDMother) AS latest_booking
  FROM internal.msd001 m JOIN main.submission s USING (submission_id)
), by_nhs AS (
  SELECT nhs_pseudonym, provider, mother_id FROM msds_mother WHERE nhs_pseudonym IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY nhs_pseudonym
                             ORDER BY latest_booking DESC NULLS LAST, provider, mother_id) = 1
), by_person AS (
  SELECT mother_id AS person_id, provider, mother_id FROM msds_mother WHERE national
  QUALIFY row_number() OVER (PARTITION BY mother_id ORDER BY latest_booking DESC NULLS LAST, provider) = 1
), mh AS (
  SELECT p.*, p.submission_layout <> 'provider' AS national,
         CASE WHEN NOT list_contains(p.invalid_items, 'Postcode') THEN upper(replace(p.Postcode, ' ', '')) END
           AS postcode_key
  FROM internal.mhs001 p
), linked AS (
  SELECT mh.*, coalesce(n.provider, pn.provider) AS msds_provider, coalesce(n.mother_id, pn.mother_id) AS msds_mother_id
  FROM mh
  LEFT JOIN by_nhs n ON NOT mh.national AND n.nhs_pseudonym = mh.NHSNumber
  LEFT JOIN by_person pn ON mh.national AND pn.person_id = mh.LocalPatientId
), own AS (
  -- MHS001MPI's own demographics, for women who do not link.
  SELECT l.*, v.imd_vintage,
         starts_with(l.postcode_key, 'ZZ99') AS pseudo,
         CASE v.imd_vintage WHEN '2019' THEN coalesce(pc.lsoa11, CASE WHEN l.Postcode IS NULL THEN l.LSOA2011 END)
                            ELSE pc.lsoa21 END AS own_lsoa,
         pc.la_code AS postcode_la
  FROM linked l CROSS JOIN vintage v
  LEFT JOIN ref_postcode pc ON pc.postcode_key = l.postcode_key
)
SELECT
  o.provider AS mh_provider,
  o.LocalPatientId AS person_id,
  o.national,
  o.msds_mother_id IS NOT NULL AS linked,
  o.msds_provider,
  o.msds_mother_id,
  CASE WHEN o.msds_mother_id IS NOT NULL THEN 'MSDS' ELSE 'MHSDS' END AS dim_source,
  coalesce(o.msds_provider, o.provider) AS dim_provider,
  coalesce(o.msds_mother_id, 'MHSDS/' || o.LocalPatientId) AS dim_mother_id,
  coalesce(w.ethnic_category, CASE WHEN o.EthnicCategory IN ('A','B','C','D','E','F','G','H','J','K','L','M','N','P',
                                                             'R','S','Z','99') THEN o.EthnicCategory ELSE 'Missing' END)
    AS ethnic_category,
  coalesce(w.ethnic_group, CASE
    WHEN o.EthnicCategory IN ('A','B','C') THEN 'White'
    WHEN o.EthnicCategory IN ('D','E','F','G') THEN 'Mixed'
    WHEN o.EthnicCategory IN ('H','J','K','L') THEN 'Asian or Asian British'
    WHEN o.EthnicCategory IN ('M','N','P') THEN 'Black or Black British'
    WHEN o.EthnicCategory IN ('R','S') THEN 'Any other ethnic group'
    WHEN o.EthnicCategory = 'Z' THEN 'Not stated'
    WHEN o.EthnicCategory = '99' THEN 'Not known'
    ELSE 'Missing' END) AS ethnic_group,
  CASE WHEN w.mother_id IS NOT NULL THEN w.imd_decile ELSE i.imd_decile END AS imd_decile,
  CASE WHEN w.mother_id IS NOT NULL THEN w.imd_quintile ELSE CAST(ceil(i.imd_decile / 2.0) AS INTEGER) END AS imd_quintile,
  coalesce(w.imd_vintage, o.imd_vintage) AS imd_vintage,
  CASE WHEN w.mother_id IS NOT NULL THEN w.lsoa ELSE or_unknown(o.own_lsoa) END AS lsoa,
  CASE WHEN w.mother_id IS NOT NULL THEN w.postcode_district
       ELSE or_unknown(nullif(regexp_extract(o.postcode_key, '^([A-Z]{1,2}[0-9][A-Z0-9]?)[0-9][A-Z]{2}$', 1), ''))
  END AS postcode_district,
  CASE WHEN w.mother_id IS NOT NULL THEN w.local_authority
       ELSE or_unknown(coalesce(o.postcode_la, i.la_code, CASE WHEN o.LADistrictAuth LIKE 'E%' THEN o.LADistrictAuth END))
  END AS local_authority,
  CASE WHEN w.mother_id IS NOT NULL THEN w.place
       WHEN o.pseudo THEN 'Pseudo postcode (ZZ99: no fixed abode or overseas)'
       WHEN coalesce(o.postcode_la, i.la_code, CASE WHEN o.LADistrictAuth LIKE 'E%' THEN o.LADistrictAuth END) IS NULL
         THEN 'Unknown'
       ELSE coalesce(pl.place, 'Outside LLR') END AS place,
  coalesce(w.gp_practice, 'Unknown') AS gp_practice,
  coalesce(w.pcn_code, 'Unknown') AS pcn_code,
  coalesce(w.pcn, 'Unknown') AS pcn,
  coalesce(w.team, 'Unknown') AS team,
  w.birth_date,
  o.GenderIDCode AS gender_id_code,
  o.Gender AS gender,
  o.GenderSameAtBirth AS gender_same_at_birth,
  o.LADistrictAuth AS la_district_auth
FROM own o
LEFT JOIN v_women w ON w.provider = o.msds_provider AND w.mother_id = o.msds_mother_id
LEFT JOIN ref_imd i ON w.mother_id IS NULL AND i.vintage = o.imd_vintage AND i.lsoa = o.own_lsoa
LEFT JOIN ref_llr_place pl ON w.mother_id IS NULL
     AND pl.la_code = coalesce(o.postcode_la, i.la_code, CASE WHEN o.LADistrictAuth LIKE 'E%' THEN o.LADistrictAuth END);

-- ---------------------------------------------------------------------------------------------
-- v_women_all: the women whose dimensions measure rows take (fact_event joins it on provider and
-- mother_id): every MSDS woman of v_women, plus each MHSDS woman who links to none, keyed
-- 'MHSDS/' || her MHSDS id within her mental health provider, with MHS001MPI's demographics.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW v_women_all AS
SELECT provider, mother_id, birth_date, ethnic_category, ethnic_group, postcode_district, lsoa, imd_decile,
       imd_quintile, imd_vintage, local_authority, place, gp_practice, pcn_code, pcn, team, 'MSDS' AS dim_source
FROM v_women
UNION ALL
SELECT dim_provider, dim_mother_id, NULL::DATE, ethnic_category, ethnic_group, postcode_district, lsoa, imd_decile,
       imd_quintile, imd_vintage, local_authority, place, gp_practice, pcn_code, pcn, team, 'MHSDS'
FROM v_mh_women WHERE NOT linked;

-- ---------------------------------------------------------------------------------------------
-- v_mh_linkage: how much of each mental health provider's MHSDS linked to MSDS (a data-quality item:
-- a low rate means the NHS numbers, or the Person_IDs, do not match, and the breakdowns of the
-- mental-health measures then rest on MHS001MPI's own, often thinner, demographics).
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW v_mh_linkage AS
SELECT mh_provider AS provider, count(*) AS women, count(*) FILTER (WHERE linked) AS linked,
       count(*) FILTER (WHERE linked) / count(*) AS linkage_rate
FROM v_mh_women GROUP BY ALL;

-- ---------------------------------------------------------------------------------------------
-- v_mh_referrals: one row per MHSDS referral, with what the perinatal measures ask of it. A referral
-- is perinatal when any MHS102 row of it names team type C02 (specialist perinatal mental health
-- community service) or F02 (maternal mental health service). Rejected: a ReferRejectionDate on
-- MHS101 or on a C02/F02 row of MHS102; closed: ServDischDate on MHS101 or ReferClosureDate on a
-- C02/F02 row; attended: any contact of the referral with AttendStatus 5 or 6 (any mechanism, any date).
-- dim_provider / dim_mother_id key the woman's dimensions in v_women_all (her MSDS self when linked);
-- a referral whose woman has no MHS001 row keeps her MHSDS id.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW v_mh_referrals AS
WITH team AS (
  SELECT provider, ServiceRequestId,
         bool_or(ServTeamTypeRefToMH = 'C02') AS c02,
         bool_or(ServTeamTypeRefToMH = 'F02') AS f02,
         bool_or(ReferRejectionDate IS NOT NULL) AS rejected,
         bool_or(ReferClosureDate IS NOT NULL) AS closed
  FROM internal.mhs102 WHERE ServTeamTypeRefToMH IN ('C02', 'F02') GROUP BY ALL
), attended AS (
  SELECT DISTINCT provider, ServiceRequestId FROM internal.mhs201 WHERE AttendStatus IN ('5', '6')
)
SELECT
  r.provider AS mh_provider,
  r.ServiceRequestId AS referral_id,
  r.LocalPatientId AS person_id,
  r.ReferralRequestReceivedDate AS received_date,
  coalesce(t.c02, false) AS c02,
  coalesce(t.f02, false) AS f02,
  coalesce(t.c02 OR t.f02, false) AS perinatal,
  r.ReferRejectionDate IS NOT NULL OR coalesce(t.rejected, false) AS rejected,
  r.ServDischDate IS NOT NULL OR coalesce(t.closed, false) AS closed,
  a.ServiceRequestId IS NOT NULL AS attended,
  coalesce(w.dim_provider, r.provider) AS dim_provider,
  coalesce(w.dim_mother_id, 'MHSDS/' || r.LocalPatientId) AS dim_mother_id,
  coalesce(w.dim_source, 'MHSDS') AS dim_source
FROM internal.mhs101 r
LEFT JOIN team t ON t.provider = r.provider AND t.ServiceRequestId = r.ServiceRequestId
LEFT JOIN attended a ON a.provider = r.provider AND a.ServiceRequestId = r.ServiceRequestId
LEFT JOIN v_mh_women w ON w.mh_provider = r.provider AND w.person_id = r.LocalPatientId;

-- ---------------------------------------------------------------------------------------------
-- v_mh_contacts: one row per MHSDS care contact with its referral's team types and woman.
-- qualifying: attended (AttendStatus 5 or 6), face to face or video (ConsMechanismMH 01 or 11; 01 or
-- 03 before October 2021, when MHSDS v5 recoded the mechanism) on a C02 or F02 referral — the
-- contact NHS England's MHS91 counts. Status 7 (arrived late, not seen) is not attended.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW v_mh_contacts AS
SELECT
  c.provider AS mh_provider,
  c.CareContactId AS contact_id,
  c.ServiceRequestId AS referral_id,
  r.person_id,
  c.CareContDate AS contact_date,
  c.AttendStatus AS attend_status,
  c.ConsMechanismMH AS mechanism,
  coalesce(r.c02, false) AS c02,
  coalesce(r.f02, false) AS f02,
  coalesce(r.perinatal, false) AS perinatal,
  coalesce(r.perinatal, false) AND c.AttendStatus IN ('5', '6')
    AND CASE WHEN c.CareContDate < DATE '2021-10-01' THEN c.ConsMechanismMH IN ('01', '03')
             ELSE c.ConsMechanismMH IN ('01', '11') END AS qualifying,
  r.dim_provider,
  r.dim_mother_id,
  r.dim_source
FROM internal.mhs201 c
LEFT JOIN v_mh_referrals r ON r.mh_provider = c.provider AND r.referral_id = c.ServiceRequestId;

-- ---------------------------------------------------------------------------------------------
-- v_quality_mh_linkage: the data-quality item mh_linkage (/api/quality, docs/data-quality.md), one
-- row per MHSDS woman with a referral, dated by her first referral's ReferralRequestReceivedDate,
-- with the columns of v_quality_item. provider is her mental health provider (the linkage is its
-- data quality); the other dimensions are hers (from MSDS when linked). valid: linked to an MSDS
-- mother; missing: no NHS number (provider layout) to link by; invalid (problem not_linked): an NHS
-- number or Person_ID that matches no MSDS mother. Materialised by quality.query.MentalHealthLinkageItems.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW v_quality_mh_linkage AS
WITH first_referral AS (
  SELECT provider, LocalPatientId, min(ReferralRequestReceivedDate) AS received
  FROM internal.mhs101 GROUP BY ALL
), nhs AS (
  SELECT provider, LocalPatientId, NHSNumber IS NULL AND NOT list_contains(invalid_items, 'NHSNumber') AS no_number
  FROM internal.mhs001
)
SELECT w.mh_provider AS provider, w.dim_mother_id AS mother_id, w.person_id AS local_patient_id,
       NULL::VARCHAR AS pregnancy_id, NULL::DATE AS booking_date, r.received AS cohort_date,
       'mh_linkage' AS item,
       CASE WHEN w.linked THEN 'valid' WHEN NOT w.national AND n.no_number THEN 'missing' ELSE 'invalid' END AS status,
       CASE WHEN w.linked THEN NULL WHEN NOT w.national AND n.no_number THEN 'missing' ELSE 'not_linked' END AS problem,
       NULL::VARCHAR AS value,
       or_unknown(w.team) AS team,
       'Unknown' AS booking_site,
       month_label(r.received) AS month,
       quarter_label(r.received) AS quarter,
       financial_year_label(r.received) AS financial_year,
       or_missing(w.ethnic_group) AS ethnic_group,
       or_missing(w.ethnic_category) AS ethnic_category,
       or_unknown(w.imd_decile) AS imd_decile,
       or_unknown(w.imd_quintile) AS imd_quintile,
       or_unknown(w.place) AS place,
       or_unknown(w.local_authority) AS local_authority,
       or_unknown(w.postcode_district) AS postcode_district,
       or_unknown(w.lsoa) AS lsoa,
       or_unknown(w.gp_practice) AS gp_practice,
       or_unknown(w.pcn_code) AS pcn,
       age_band(age_on(w.birth_date, r.received)) AS age_group,
       or_unknown(a.msoa) AS msoa,
       or_unknown(a.ward) AS ward,
       or_unknown(a.neighbourhood) AS neighbourhood
FROM v_mh_women w
JOIN first_referral r ON r.provider = w.mh_provider AND r.LocalPatientId = w.person_id
LEFT JOIN nhs n ON n.provider = w.mh_provider AND n.LocalPatientId = w.person_id
LEFT JOIN v_lsoa_area a ON a.lsoa = w.lsoa;

-- Declared here, after its view, so a new database has it before its first refresh.
CREATE TABLE IF NOT EXISTS quality_mh_linkage AS SELECT * FROM v_quality_mh_linkage LIMIT 0;
