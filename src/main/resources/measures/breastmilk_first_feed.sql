-- Babies with a first feed recorded as breast milk (01, 02) or not (03) (CQIMBreastfeeding);
-- numerator: breast milk.
SELECT d.provider, d.mother_id, d.birth_date AS event_date, b.booking_site, b.age_at_booking AS age_at_event,
       d.first_feed IN ('01', '02') AS numerator
FROM v_births d LEFT JOIN v_bookings b ON b.provider = d.provider AND b.pregnancy_id = d.pregnancy_id
WHERE d.first_feed IN ('01', '02', '03')
