-- Live births; numerator: died within 0-27 days of birth.
SELECT d.provider, d.mother_id, d.birth_date AS event_date, b.booking_site, b.age_at_booking AS age_at_event,
       coalesce(date_diff('day', d.birth_date, d.death_date) BETWEEN 0 AND 27, false) AS numerator
FROM v_births d LEFT JOIN v_bookings b ON b.provider = d.provider AND b.pregnancy_id = d.pregnancy_id
WHERE d.pregnancy_outcome = '01'
