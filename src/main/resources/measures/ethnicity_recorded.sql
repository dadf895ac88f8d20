-- Women booked; numerator: ethnic category A-S (known). Z (asked, declined) is a valid answer but
-- leaves the group unknown, so it is not counted; 99 (not known), invalid and blank are not either.
SELECT b.provider, b.mother_id, b.booking_date AS event_date, b.booking_site, b.age_at_booking AS age_at_event,
       coalesce(w.ethnic_category NOT IN ('Z', '99', 'Missing'), false) AS numerator
FROM v_bookings b LEFT JOIN v_women w ON w.provider = b.provider AND w.mother_id = b.mother_id
