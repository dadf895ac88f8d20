-- Women booked; numerator: a personalised care and support plan recorded (MatPersCarePlanInd Y).
SELECT b.provider, b.mother_id, b.booking_date AS event_date, b.booking_site, b.age_at_booking AS age_at_event,
       EXISTS (SELECT 1 FROM internal.msd102 p WHERE p.provider = b.provider AND p.PregnancyID = b.pregnancy_id
               AND p.MatPersCarePlanInd = 'Y') AS numerator
FROM v_bookings b
