-- ---------------------------------------------------------------------------------------------
-- The rows of fact_event (declared in db/140-derived-tables.sql): every measure's counted units,
-- joined once to the mother for her dimensions (v_women_all: the women of v_women plus the MHSDS
-- women who link to none). measure_event is a TEMP view that measures.MeasureFacts makes on its own connection, stacking the measure_<id> views with each
-- column cast as the fact table has it. The age is the one the measure gives (at booking), else
-- the mother's age on the event date; maternal_age_band is always the age on the event date. unit_key and denominator (last, after the dimensions) are the
-- counting of measures that count distinct women (Measure.Counting): the woman's key and whether the row
-- counts for the denominator; other measures have no key and every row is a denominator unit. msoa, ward and
-- neighbourhood (added last) are the areas of her LSOA.
-- ---------------------------------------------------------------------------------------------
SELECT e.measure_id,
       e.event_date,
       e.numerator,
       or_missing(w.ethnic_group) AS ethnic_group,
       or_missing(w.ethnic_category) AS ethnic_category,
       or_unknown(w.imd_decile) AS imd_decile,
       or_unknown(w.imd_quintile) AS imd_quintile,
       or_unknown(w.place) AS place,
       or_unknown(w.local_authority) AS local_authority,
       or_unknown(w.postcode_district) AS postcode_district,
       or_unknown(w.lsoa) AS lsoa,
       or_unknown(w.gp_practice) AS gp_practice,
       or_unknown(w.pcn_code) AS pcn,
       or_unknown(w.team) AS team,
       e.provider,
       or_unknown(e.booking_site) AS booking_site,
       age_band(coalesce(e.age_at_event, age_on(w.birth_date, e.event_date))) AS age_group,
       month_label(e.event_date) AS month,
       quarter_label(e.event_date) AS quarter,
       financial_year_label(e.event_date) AS financial_year,
       w.imd_vintage,
       -- adjust=maternal_age: the mother's age from PersonBirthDateMother on the event date itself (the
       -- birth for birth measures, the booking for booking measures), never the age at booking.
       maternal_age_band(age_on(w.birth_date, e.event_date)) AS maternal_age_band,
       e.unit_key,
       e.denominator,
       -- The areas of the mother's LSOA (either vintage, db/045-boundaries.sql v_lsoa_area).
       or_unknown(a.msoa) AS msoa,
       or_unknown(a.ward) AS ward,
       or_unknown(a.neighbourhood) AS neighbourhood
FROM measure_event e
LEFT JOIN v_women_all w ON w.provider = e.provider AND w.mother_id = e.mother_id
LEFT JOIN v_lsoa_area a ON a.lsoa = w.lsoa
WHERE e.event_date IS NOT NULL
