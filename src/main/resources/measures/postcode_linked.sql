-- Women booked; numerator: her postcode (or, national layout, LSOA) links to an LSOA with an IMD decile.
SELECT b.provider, b.mother_id, b.booking_date AS event_date, b.booking_site, b.age_at_booking AS age_at_event,
       w.imd_decile IS NOT NULL AS numerator
FROM v_bookings b LEFT JOIN v_women w ON w.provider = b.provider AND w.mother_id = b.mother_id
