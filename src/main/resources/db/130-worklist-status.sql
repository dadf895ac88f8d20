-- ---------------------------------------------------------------------------------------------
-- Team worklists (docs/data-quality.md, "Worklists"): what a team has said about each record and
-- item, when each problem was first seen, and the pregnancy facts a worklist row shows.
--
-- worklist_status and worklist_seen are the team's own work, not derived from an extract: loads
-- never touch them, so a status survives reloading or re-ingesting the same extract. Re-runnable.
-- ---------------------------------------------------------------------------------------------

-- One row per team, woman (local patient identifier) and item: to_fix | fixed | cannot_fix, with
-- the team's note. A row without an entry here is "to_fix".
CREATE TABLE IF NOT EXISTS worklist_status (
  team VARCHAR NOT NULL,
  local_patient_id VARCHAR NOT NULL,
  item VARCHAR NOT NULL,
  status VARCHAR NOT NULL,          -- to_fix | fixed | cannot_fix
  note VARCHAR,
  updated_by VARCHAR NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  PRIMARY KEY (team, local_patient_id, item)
);

-- The load with which each problem of each record was first seen (max submission.run_id at the
-- time the data-quality items were rebuilt). A row whose first_run is the latest load is "new
-- since the last load": the record appeared, or its problem arose, with that load.
CREATE TABLE IF NOT EXISTS worklist_seen (
  provider VARCHAR NOT NULL,
  local_patient_id VARCHAR NOT NULL,
  item VARCHAR NOT NULL,
  problem VARCHAR NOT NULL,
  first_run BIGINT NOT NULL,
  PRIMARY KEY (provider, local_patient_id, item, problem)
);

-- One row per pregnancy: its booking, EDD (MSD101 EDDAgreed), first birth recorded (MSD401), the
-- care professional of its latest care plan that names one (MSD102 CareProfLID: the midwife's local
-- identifier, as the extract carries no names), and whether it is open on the data-to date (the
-- latest RPEndDate loaded).
--
-- Open: booked and not yet given birth, or given birth in the six weeks up to the data-to date
-- (the postnatal period a community team still cares for). Guard: a pregnancy with no birth
-- recorded is not open for ever (a birth elsewhere, a loss or a move may never reach the extract):
-- it closes eight weeks after its EDD (birth by 42 weeks, then the six postnatal weeks) or, with
-- no usable EDD, 48 weeks after booking (the same limit counted from a booking at 0 weeks).
CREATE OR REPLACE VIEW v_worklist_pregnancy AS
WITH data_to AS (
  SELECT max(rp_end) AS data_to FROM submission WHERE dataset = 'MSDS'
), birth AS (
  SELECT provider, pregnancy_id, min(birth_date) AS birth_date
  FROM v_births WHERE pregnancy_id IS NOT NULL GROUP BY ALL
), midwife AS (
  SELECT provider, PregnancyID AS pregnancy_id, CareProfLID AS midwife
  FROM internal.msd102 WHERE CareProfLID IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY provider, PregnancyID ORDER BY CarePlanDate DESC, line DESC) = 1
)
SELECT b.provider, b.pregnancy_id, b.mother_id, b.booking_date, b.edd, c.birth_date, m.midwife, d.data_to,
       CASE WHEN d.data_to IS NULL OR b.booking_date IS NULL OR b.booking_date > d.data_to THEN false
            WHEN c.birth_date IS NOT NULL THEN c.birth_date > d.data_to - INTERVAL 42 DAY
            WHEN b.edd IS NOT NULL AND b.edd > b.booking_date THEN b.edd + INTERVAL 56 DAY >= d.data_to
            ELSE b.booking_date + INTERVAL 336 DAY >= d.data_to END AS open
FROM v_bookings b
CROSS JOIN data_to d
LEFT JOIN birth c ON c.provider = b.provider AND c.pregnancy_id = b.pregnancy_id
LEFT JOIN midwife m ON m.provider = b.provider AND m.pregnancy_id = b.pregnancy_id;
