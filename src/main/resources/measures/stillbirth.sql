-- Births: live births (01) and stillbirths (02-04) from 168 days (24 weeks); numerator: those
-- stillbirths. A stillbirth with no recorded gestation cannot be placed and is left out.
SELECT d.provider, d.mother_id, d.birth_date AS event_date, b.booking_site, b.age_at_booking AS age_at_event,
       d.pregnancy_outcome IN ('02', '03', '04') AS numerator
FROM v_births d LEFT JOIN v_bookings b ON b.provider = d.provider AND b.pregnancy_id = d.pregnancy_id
WHERE d.pregnancy_outcome = '01' OR (d.pregnancy_outcome IN ('02', '03', '04') AND d.gestation_days >= 168)
