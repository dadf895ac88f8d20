-- Bookings with a folic acid status 01-03; numerator: taking it before pregnancy (01).
SELECT provider, mother_id, booking_date AS event_date, booking_site, age_at_booking AS age_at_event,
       folic_acid = '01' AS numerator
FROM v_bookings WHERE folic_acid IN ('01', '02', '03')
