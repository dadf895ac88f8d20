-- Antenatal care contacts with an attendance code; numerator: did not attend (3) or arrived late and
-- could not be seen (7).
SELECT c.provider, c.mother_id, c.contact_date AS event_date, b.booking_site, b.age_at_booking AS age_at_event,
       c.attend_code IN ('3', '7') AS numerator
FROM v_contacts c LEFT JOIN v_bookings b ON b.provider = c.provider AND b.pregnancy_id = c.pregnancy_id
WHERE c.attend_code IN ('0', '2', '3', '4', '5', '6', '7')
