-- Women giving birth (one row per delivery with a birth 01-04) (CQIMPPH); numerator: a postpartum
-- haemorrhage observation of 1,500 ml or more.
SELECT d.provider, any_value(d.mother_id) AS mother_id, min(d.birth_date) AS event_date,
       any_value(b.booking_site) AS booking_site, any_value(b.age_at_booking) AS age_at_event,
       coalesce(any_value(e.blood_loss_ml) >= 1500, false) AS numerator
FROM v_births d
LEFT JOIN v_delivery_events e ON e.provider = d.provider AND e.delivery_id = d.delivery_id
LEFT JOIN v_bookings b ON b.provider = d.provider AND b.pregnancy_id = d.pregnancy_id
WHERE d.pregnancy_outcome IN ('01', '02', '03', '04')
GROUP BY d.provider, d.delivery_id
