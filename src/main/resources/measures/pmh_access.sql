-- Perinatal mental health access (NHS England's MHS91 over the maternity cohort), counted in women:
-- denominator rows are the women who gave birth (PregOutcome 01-04, on PersonBirthDateBaby), numerator
-- rows the women with a qualifying contact (v_mh_contacts.qualifying: attended 5/6, face to face or
-- video, on a C02 or F02 referral) on its CareContDate. A woman seen is counted whether or not she
-- gave birth here or links to MSDS (as MHS91 does), so the numerator is not a subset of the denominator;
-- each woman counts once over the period ("counts": "women"), keyed by her dimensions' key
-- (her MSDS self when linked). Not by booking site: a contact belongs to no booking.
SELECT d.provider, d.mother_id, d.birth_date AS event_date, NULL::VARCHAR AS booking_site,
       NULL::INTEGER AS age_at_event, false AS numerator, true AS denominator
FROM v_births d
WHERE d.pregnancy_outcome IN ('01', '02', '03', '04')
UNION ALL
SELECT c.dim_provider, c.dim_mother_id, c.contact_date, NULL::VARCHAR, NULL::INTEGER, true, false
FROM v_mh_contacts c
WHERE c.qualifying
