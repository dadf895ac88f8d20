-- COC_by_28weeks: women whose booking (gestation at booking > 0) reaches 203 days (29+0 weeks),
-- not discharged before that day; event date: the day she reaches 203 days. Numerator: her latest care
-- plan dated on or before that day is a continuity of carer plan (type 05, ContCarePathInd Y) with a
-- care professional and a team.
WITH cohort AS (
  SELECT b.*, b.booking_date + INTERVAL (203 - b.gestation_at_booking_days) DAY AS day_203
  FROM v_bookings b
  WHERE b.gestation_at_booking_days BETWEEN 1 AND 203
), latest_plan AS (
  SELECT c.provider, c.pregnancy_id, p.plan_type, p.continuity_of_carer, p.care_professional, p.team
  FROM cohort c JOIN v_care_plans p ON p.provider = c.provider AND p.pregnancy_id = c.pregnancy_id
  WHERE p.plan_date <= c.day_203
  QUALIFY row_number() OVER (PARTITION BY c.provider, c.pregnancy_id ORDER BY p.plan_date DESC, p.line DESC) = 1
)
SELECT c.provider, c.mother_id, CAST(c.day_203 AS DATE) AS event_date, c.booking_site, c.age_at_booking AS age_at_event,
       coalesce(p.plan_type = '05' AND p.continuity_of_carer = 'Y' AND p.care_professional IS NOT NULL
                AND p.team IS NOT NULL, false) AS numerator
FROM cohort c LEFT JOIN latest_plan p ON p.provider = c.provider AND p.pregnancy_id = c.pregnancy_id
WHERE c.discharge_date IS NULL OR c.discharge_date >= c.day_203
