-- Singleton live births with gestation 154-315 days (CQIMPreterm); numerator: 154-258 days.
SELECT d.provider, d.mother_id, d.birth_date AS event_date, b.booking_site, b.age_at_booking AS age_at_event,
       d.gestation_days <= 258 AS numerator
FROM v_births d LEFT JOIN v_bookings b ON b.provider = d.provider AND b.pregnancy_id = d.pregnancy_id
WHERE d.pregnancy_outcome = '01' AND d.babies_in_delivery = 1 AND d.gestation_days BETWEEN 154 AND 315
