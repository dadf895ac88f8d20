-- C02/F02 referrals received in the period; numerator: rejected (ReferRejectionDate on MHS101 or
-- MHS102) or closed (ServDischDate, ReferClosureDate) without any attended contact (status 5 or 6,
-- any mechanism, any date) on the referral.
SELECT r.dim_provider AS provider, r.dim_mother_id AS mother_id, r.received_date AS event_date,
       NULL::VARCHAR AS booking_site, NULL::INTEGER AS age_at_event,
       (r.rejected OR r.closed) AND NOT r.attended AS numerator
FROM v_mh_referrals r
WHERE r.perinatal
