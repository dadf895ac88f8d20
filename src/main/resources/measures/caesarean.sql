-- Births (01-04) with a valid delivery method 0-9; numerator: caesarean (7 elective, 8 emergency).
SELECT d.provider, d.mother_id, d.birth_date AS event_date, b.booking_site, b.age_at_booking AS age_at_event,
       d.delivery_method IN ('7', '8') AS numerator
FROM v_births d LEFT JOIN v_bookings b ON b.provider = d.provider AND b.pregnancy_id = d.pregnancy_id
WHERE d.pregnancy_outcome IN ('01', '02', '03', '04')
  AND d.delivery_method IN ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9')
