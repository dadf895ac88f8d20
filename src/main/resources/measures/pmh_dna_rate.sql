-- Contacts on C02/F02 (perinatal or maternal mental health) referrals with status 3, 5, 6 or 7;
-- numerator: did not attend (3) or arrived late and could not be seen (7). The woman's dimensions
-- are her MSDS ones when she links (v_mh_women), else MHS001MPI's.
SELECT c.dim_provider AS provider, c.dim_mother_id AS mother_id, c.contact_date AS event_date,
       NULL::VARCHAR AS booking_site, NULL::INTEGER AS age_at_event,
       c.attend_status IN ('3', '7') AS numerator
FROM v_mh_contacts c
WHERE c.perinatal AND c.attend_status IN ('3', '5', '6', '7')
