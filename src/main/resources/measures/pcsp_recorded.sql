-- Women booked; numerator: a personalised care and support plan recorded (MatPersCarePlanInd Y).
SELECT b.provider, b.mother_id, b.booking_date AS event_date, b.booking_site, b.age_at_booking AS age_at_event,
       EXISTS (SELECT 1 FROM v_care_plans p WHERE p.provider = b.provider AND p.pregnancy_id = b.pregnancy_id
               AND p.personalised_plan = 'Y') AS numerator
FROM v_bookings b
