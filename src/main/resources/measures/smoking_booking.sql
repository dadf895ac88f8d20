-- Bookings with a known smoking status at booking (CQIMSmokingBooking); numerator: smokers.
SELECT b.provider, b.mother_id, b.booking_date AS event_date, b.booking_site, b.age_at_booking AS age_at_event,
       s.status = 'Smoker' AS numerator
FROM v_bookings b
JOIN v_smoking_at_booking s ON s.provider = b.provider AND s.pregnancy_id = b.pregnancy_id
WHERE s.status IN ('Smoker', 'Non-Smoker / Ex-Smoker')
