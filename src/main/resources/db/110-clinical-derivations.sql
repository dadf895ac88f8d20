-- ---------------------------------------------------------------------------------------------
-- Clinical derivations the measures share, following the NHS Digital mat_analysis pipeline
-- (msds-v2.md sections 2.5, 2.6, 3.1): smoking status at booking and at delivery from SNOMED
-- findings and observations, birthweight and 5-minute Apgar from baby activities, and per-delivery
-- third/fourth-degree tears and blood loss from labour activities.
-- ---------------------------------------------------------------------------------------------

-- SNOMED CT codes for smoking status (mat_analysis create_views_for_derivations.py).
CREATE OR REPLACE VIEW internal.smoking_code AS
SELECT code, 'Smoker' AS status FROM (VALUES
  ('697956009'), ('56294008'), ('30310000'), ('110483000'), ('449345000'), ('446172000'), ('365982000'),
  ('160616005'), ('394871007'), ('394873005'), ('169940006'), ('65568007'), ('365981007'), ('203191000000107'),
  ('77176002'), ('230065006'), ('59978006'), ('160605003'), ('230063004'), ('56771006'), ('160603005'),
  ('230060001'), ('160604004'), ('230062009'), ('56578002'), ('230059006'), ('428041000124106'), ('82302008'),
  ('160619003'), ('308438006'), ('266929003'), ('266920004'), ('160606002'), ('230064005')) t(code)
UNION ALL
SELECT code, 'Non-Smoker / Ex-Smoker' FROM (VALUES
  ('8392000'), ('908781000000104'), ('722499006'), ('266919005'), ('449368009'), ('8517006'), ('405746006'),
  ('360900008'), ('360918006'), ('160618006'), ('160621008'), ('281018007'), ('266928006'), ('266924008'),
  ('1092071000000105'), ('266922007'), ('1092111000000104'), ('266923002'), ('1092091000000109'), ('160620009'),
  ('492191000000103'), ('1092031000000108'), ('735128000'), ('48031000119106'), ('266921000'), ('1092131000000107'),
  ('266925009'), ('1092041000000104'), ('360890004'), ('360929005'), ('105541001'), ('105539002'), ('105540000'),
  ('53896009'), ('87739003'), ('786063001'), ('785889008')) t(code)
UNION ALL
SELECT '266927001', 'Unknown';

-- One smoking status per activity row: a finding, cigarettes per day, or a CO reading in ppm.
CREATE OR REPLACE VIEW internal.smoking_activity AS
WITH activity AS (
  SELECT a.provider, k.PregnancyID AS pregnancy_id, k.CContactDate AS activity_date, a.FindingCode, a.ObsCode,
         a.ObsValue, a.UCUMUnit, a.line
  FROM internal.msd202 a JOIN internal.msd201 k ON k.provider = a.provider AND k.CareConID = a.CareConID
  UNION ALL
  SELECT l.provider, d.PregnancyID, l.ClinInterDateMother, l.FindingCode, l.ObsCode, l.ObsValue, l.UCUMUnit, l.line
  FROM internal.msd302 l JOIN internal.msd301 d ON d.provider = l.provider AND d.LabourDeliveryID = l.LabourDeliveryID
)
SELECT a.provider, a.pregnancy_id, a.activity_date, a.line,
       CASE
         WHEN c.status IS NOT NULL THEN c.status
         WHEN a.ObsCode = '160625004' THEN 'Non-Smoker / Ex-Smoker'
         WHEN a.ObsCode IN ('230056004', '.137X', '137X.', 'Ub1tI') AND try_cast(a.ObsValue AS DOUBLE) > 0 THEN 'Smoker'
         WHEN a.ObsCode IN ('230056004', '.137X', '137X.', 'Ub1tI') AND try_cast(a.ObsValue AS DOUBLE) = 0 THEN 'Non-Smoker / Ex-Smoker'
         WHEN a.ObsCode IN ('251900003', '.4I90', '4I90.', 'X77Qd') AND upper(a.UCUMUnit) LIKE '%PPM%'
              THEN CASE WHEN try_cast(a.ObsValue AS DOUBLE) >= 4 THEN 'Smoker' ELSE 'Non-Smoker / Ex-Smoker' END
       END AS status
FROM activity a LEFT JOIN internal.smoking_code c ON c.code = a.FindingCode;

-- Status at booking: activities within 3 days of the booking date; an exact-date Smoker first,
-- then other exact-date statuses, then the latest row.
CREATE OR REPLACE VIEW v_smoking_at_booking AS
SELECT b.provider, b.PregnancyID AS pregnancy_id, s.status
FROM internal.msd101 b
JOIN internal.smoking_activity s ON s.provider = b.provider AND s.pregnancy_id = b.PregnancyID
WHERE s.status IS NOT NULL AND abs(date_diff('day', b.AntenatalAppDate, s.activity_date)) <= 3
QUALIFY row_number() OVER (PARTITION BY b.provider, b.PregnancyID
  ORDER BY (s.activity_date = b.AntenatalAppDate AND s.status = 'Smoker') DESC,
           (s.activity_date = b.AntenatalAppDate) DESC, s.activity_date DESC, s.line DESC) = 1;

-- Status at delivery: activities within 3 days of labour onset or caesarean, ranked the same way.
CREATE OR REPLACE VIEW v_smoking_at_delivery AS
SELECT d.provider, d.LabourDeliveryID AS delivery_id, s.status
FROM internal.msd301 d
JOIN internal.smoking_activity s ON s.provider = d.provider AND s.pregnancy_id = d.PregnancyID
WHERE s.status IS NOT NULL
  AND (abs(date_diff('day', d.LabourOnsetDate, s.activity_date)) <= 3
       OR abs(date_diff('day', d.CaesareanDate, s.activity_date)) <= 3)
QUALIFY row_number() OVER (PARTITION BY d.provider, d.LabourDeliveryID
  ORDER BY (s.activity_date IN (d.LabourOnsetDate, d.CaesareanDate) AND s.status = 'Smoker') DESC,
           (s.activity_date IN (d.LabourOnsetDate, d.CaesareanDate)) DESC, s.activity_date DESC, s.line DESC) = 1;

-- Birthweight in grams (birth weight, or body weight on the day of birth; g or kg; 9999 = missing)
-- and the Apgar score at 5 minutes (national ApgarScore, else SNOMED 169909004).
CREATE OR REPLACE VIEW v_baby_observations AS
WITH weights AS (
  SELECT o.provider, o.LPIDBaby,
         CASE WHEN lower(o.UCUMUnit) IN ('kg', 'kilograms') THEN round(try_cast(o.ObsValue AS DOUBLE) * 1000)
              ELSE round(try_cast(o.ObsValue AS DOUBLE)) END AS grams,
         o.ObsCode IN ('364589006', '636..') AS birth_weight_code, o.line
  FROM internal.msd405 o JOIN internal.msd401 b ON b.provider = o.provider AND b.LPIDBaby = o.LPIDBaby
  WHERE o.ObsCode IN ('364589006', '636..')
     OR (o.ObsCode IN ('27113001', '22A..') AND o.ClinInterDateBaby = b.PersonBirthDateBaby)
), weight AS (
  SELECT provider, LPIDBaby, CASE WHEN grams IN (9999, 9999000) THEN NULL ELSE grams END AS grams
  FROM weights
  QUALIFY row_number() OVER (PARTITION BY provider, LPIDBaby ORDER BY birth_weight_code DESC, line DESC) = 1
), apgar AS (
  SELECT provider, LPIDBaby, coalesce(ApgarScore, try_cast(ObsValue AS INTEGER)) AS apgar5
  FROM internal.msd405
  WHERE ApgarScore IS NOT NULL OR ObsCode = '169909004'
  QUALIFY row_number() OVER (PARTITION BY provider, LPIDBaby ORDER BY line DESC) = 1
)
SELECT b.provider, b.LPIDBaby AS baby_id, w.grams AS birthweight_g, a.apgar5
FROM internal.msd401 b
LEFT JOIN weight w ON w.provider = b.provider AND w.LPIDBaby = b.LPIDBaby
LEFT JOIN apgar a ON a.provider = b.provider AND a.LPIDBaby = b.LPIDBaby;

-- Per delivery: a third- or fourth-degree tear, and the largest recorded blood loss (ml) of the
-- postpartum haemorrhage observation codes.
CREATE OR REPLACE VIEW v_delivery_events AS
SELECT d.provider, d.LabourDeliveryID AS delivery_id,
       coalesce(bool_or(l.FindingCode IN ('10217006', '399031001')
                        OR l.GenitalTractTraumaticLesion IN ('10217006', '399031001')), false) AS tear_3rd_4th,
       max(CASE WHEN l.ObsCode IN ('47821001', '27214003', '1033591000000101', '1033571000000100', '23171006',
                                   '200025008', '111452009', '11452009', '49177006', '724496000', '119891000119105')
                THEN try_cast(l.ObsValue AS DOUBLE) END) AS blood_loss_ml
FROM internal.msd301 d
LEFT JOIN internal.msd302 l ON l.provider = d.provider AND l.LabourDeliveryID = d.LabourDeliveryID
GROUP BY d.provider, d.LabourDeliveryID;
