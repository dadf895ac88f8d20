-- Bookings with a known gestation at booking (0-300 days); numerator: booked by 10 weeks (0-70 days).
SELECT provider, mother_id, booking_date AS event_date, booking_site, age_at_booking AS age_at_event,
       gestation_at_booking_days <= 70 AS numerator
FROM v_bookings
WHERE gestation_at_booking_days BETWEEN 0 AND 300
