-- Perinatal mental health access of the maternity cohort (like NHS England's PMH08a), counted in women:
-- women who gave birth in the period (PregOutcome 01-04, on PersonBirthDateBaby); numerator: a
-- qualifying contact (v_mh_contacts.qualifying) of the same woman (her MSDS self, so linked women only)
-- dated from the AntenatalAppDate of the pregnancy that ended in the birth to 365 days after the birth,
-- both days included. A birth with no booking record has a window from its birth date. A woman with two
-- births in the period counts once, in the numerator when either window holds a contact.
WITH births AS (
  SELECT d.provider, d.baby_id, d.mother_id, d.birth_date,
         coalesce(b.booking_date, d.birth_date) AS window_from,
         CAST(d.birth_date + INTERVAL 365 DAY AS DATE) AS window_to
  FROM v_births d
  LEFT JOIN v_bookings b ON b.provider = d.provider AND b.pregnancy_id = d.pregnancy_id
  WHERE d.pregnancy_outcome IN ('01', '02', '03', '04')
), seen AS (
  SELECT DISTINCT d.provider, d.baby_id
  FROM births d
  JOIN v_mh_contacts c ON c.qualifying AND c.dim_provider = d.provider AND c.dim_mother_id = d.mother_id
   AND c.contact_date BETWEEN d.window_from AND d.window_to
)
SELECT d.provider, d.mother_id, d.birth_date AS event_date, NULL::VARCHAR AS booking_site,
       NULL::INTEGER AS age_at_event, s.baby_id IS NOT NULL AS numerator, true AS denominator
FROM births d
LEFT JOIN seen s ON s.provider = d.provider AND s.baby_id = d.baby_id
