-- Singleton term births (01-04, 259-315 days) with a 5-minute Apgar score 0-10 (CQIMApgar);
-- numerator: score 0-6.
SELECT d.provider, d.mother_id, d.birth_date AS event_date, b.booking_site, b.age_at_booking AS age_at_event,
       o.apgar5 <= 6 AS numerator
FROM v_births d
JOIN v_baby_observations o ON o.provider = d.provider AND o.baby_id = d.baby_id
LEFT JOIN v_bookings b ON b.provider = d.provider AND b.pregnancy_id = d.pregnancy_id
WHERE d.pregnancy_outcome IN ('01', '02', '03', '04') AND d.babies_in_delivery = 1
  AND d.gestation_days BETWEEN 259 AND 315 AND o.apgar5 BETWEEN 0 AND 10
