-- Singleton term vaginal births (method 0-4; 01-04, 259-315 days) (CQIMTears); numerator: a third
-- or fourth-degree tear recorded at the delivery.
SELECT d.provider, d.mother_id, d.birth_date AS event_date, b.booking_site, b.age_at_booking AS age_at_event,
       e.tear_3rd_4th AS numerator
FROM v_births d
JOIN v_delivery_events e ON e.provider = d.provider AND e.delivery_id = d.delivery_id
LEFT JOIN v_bookings b ON b.provider = d.provider AND b.pregnancy_id = d.pregnancy_id
WHERE d.pregnancy_outcome IN ('01', '02', '03', '04') AND d.babies_in_delivery = 1
  AND d.gestation_days BETWEEN 259 AND 315 AND d.delivery_method IN ('0', '1', '2', '3', '4')
