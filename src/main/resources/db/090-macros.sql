-- ---------------------------------------------------------------------------------------------
-- Rules shared by every derived view and table, written once. Each label is a breakdown value of
-- DESIGN.md section 4, so the measure facts (fact_event) and the quality items (v_quality_item)
-- must give the same text for the same date or age: both call these macros.
-- ---------------------------------------------------------------------------------------------

-- Age in whole years on a date (the birthday not yet reached that year does not count).
CREATE OR REPLACE MACRO age_on(birth_date, on_date) AS
  date_diff('year', birth_date, on_date)
  - CASE WHEN strftime(on_date, '%m%d') < strftime(birth_date, '%m%d') THEN 1 ELSE 0 END;

-- MSDS AgeAtBookingMotherGroup bands; no age is 'Unknown'.
CREATE OR REPLACE MACRO age_band(age) AS
  CASE WHEN age IS NULL THEN 'Unknown' WHEN age < 20 THEN 'Under 20'
       WHEN age < 25 THEN '20 to 24' WHEN age < 30 THEN '25 to 29'
       WHEN age < 35 THEN '30 to 34' WHEN age < 40 THEN '35 to 39'
       WHEN age < 45 THEN '40 to 44' ELSE '45 or over' END;

-- The maternal age bands of adjust=maternal_age (DESIGN.md section 8): <20 ... 40+ of the age in
-- completed years; NULL (left out of observed and expected) when there is no age.
CREATE OR REPLACE MACRO maternal_age_band(age) AS
  CASE WHEN age IS NULL THEN NULL WHEN age < 20 THEN '<20' WHEN age < 25 THEN '20-24'
       WHEN age < 30 THEN '25-29' WHEN age < 35 THEN '30-34' WHEN age < 40 THEN '35-39' ELSE '40+' END;

-- Calendar month, as 2024-07.
CREATE OR REPLACE MACRO month_label(d) AS strftime(d, '%Y-%m');

-- Calendar quarter, as 2024-Q3.
CREATE OR REPLACE MACRO quarter_label(d) AS strftime(d, '%Y') || '-Q' || CAST(quarter(d) AS VARCHAR);

-- NHS financial year (April to March), as 2023/24.
CREATE OR REPLACE MACRO financial_year_label(d) AS
  CAST(year(d) - CASE WHEN month(d) < 4 THEN 1 ELSE 0 END AS VARCHAR) || '/'
  || right(CAST(year(d) - CASE WHEN month(d) < 4 THEN 1 ELSE 0 END + 1 AS VARCHAR), 2);

-- A link that failed (no postcode match, no IMD decile, no GP practice, no team...): 'Unknown'.
CREATE OR REPLACE MACRO or_unknown(v) AS coalesce(CAST(v AS VARCHAR), 'Unknown');

-- An item the record does not hold (ethnicity): 'Missing'.
CREATE OR REPLACE MACRO or_missing(v) AS coalesce(CAST(v AS VARCHAR), 'Missing');
