-- Antenatal care contacts with a valid consultation medium; numerator: telephone (02) or
-- telemedicine/video (03).
SELECT c.provider, c.mother_id, c.contact_date AS event_date, b.booking_site, b.age_at_booking AS age_at_event,
       c.medium IN ('02', '03') AS numerator
FROM v_contacts c LEFT JOIN v_bookings b ON b.provider = c.provider AND b.pregnancy_id = c.pregnancy_id
WHERE c.medium IN ('01', '02', '03', '04', '05', '06', '07', '08', '98')
