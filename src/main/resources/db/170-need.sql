-- ---------------------------------------------------------------------------------------------
-- Where births are, for the distance from a neighbourhood to its nearest hub: each birth (outcome
-- 01-04) with the grid reference of the mother's postcode (postcode directory, British National
-- Grid metres) and her LSOA. Internal: grid references of single births never leave SQL; the need
-- ranking reads only their mean over a neighbourhood (its births' centroid). Births whose postcode
-- has no grid reference (national layout, unmatched, pseudo) are not here.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW internal.birth_location AS
SELECT b.birth_date, CASE s.value WHEN '2019' THEN p.lsoa11 ELSE p.lsoa21 END AS lsoa, p.easting, p.northing
FROM v_births b
CROSS JOIN (SELECT value FROM setting WHERE name = 'imd_vintage') s
JOIN internal.msd001 m ON m.provider = b.provider AND m.LPIDMother = b.mother_id
JOIN ref_postcode p ON p.postcode_key = upper(replace(m.Postcode, ' ', ''))
WHERE b.pregnancy_outcome IN ('01', '02', '03', '04')
  AND NOT list_contains(m.invalid_items, 'Postcode')
  AND p.easting IS NOT NULL AND p.northing IS NOT NULL;
