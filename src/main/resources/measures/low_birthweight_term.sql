-- Term (259-315 days) live births with a valid birthweight (1-9,998 g); numerator: under 2,500 g.
SELECT d.provider, d.mother_id, d.birth_date AS event_date, b.booking_site, b.age_at_booking AS age_at_event,
       o.birthweight_g < 2500 AS numerator
FROM v_births d
JOIN v_baby_observations o ON o.provider = d.provider AND o.baby_id = d.baby_id
LEFT JOIN v_bookings b ON b.provider = d.provider AND b.pregnancy_id = d.pregnancy_id
WHERE d.pregnancy_outcome = '01' AND d.gestation_days BETWEEN 259 AND 315 AND o.birthweight_g BETWEEN 1 AND 9998
