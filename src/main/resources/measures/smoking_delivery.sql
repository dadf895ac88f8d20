-- Women giving birth (one row per delivery with a birth 01-04) with a known smoking status at
-- delivery (CQIMSmokingDelivery); numerator: smokers. Event date: the first birth of the delivery.
SELECT d.provider, any_value(d.mother_id) AS mother_id, min(d.birth_date) AS event_date,
       any_value(b.booking_site) AS booking_site, any_value(b.age_at_booking) AS age_at_event,
       any_value(s.status) = 'Smoker' AS numerator
FROM v_births d
JOIN v_smoking_at_delivery s ON s.provider = d.provider AND s.delivery_id = d.delivery_id
LEFT JOIN v_bookings b ON b.provider = d.provider AND b.pregnancy_id = d.pregnancy_id
WHERE d.pregnancy_outcome IN ('01', '02', '03', '04') AND s.status IN ('Smoker', 'Non-Smoker / Ex-Smoker')
GROUP BY d.provider, d.delivery_id
