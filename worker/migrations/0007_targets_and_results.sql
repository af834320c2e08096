-- The yearly cycle (docs/cycle.md): province and unit targets per plan year, and what the result
-- round adds to a stored commune row.
--
-- targets: every `PUT /targets/:year` (or `ntm targets apply`) is one row, append-only, with the
-- sequence number of its audit entry (worker/db/audit.ts, action `targets`); the year's targets at
-- a cut are its row of highest seq at or before it. `body` is the targets JSON of
-- shared/targets/schema.ts (province keys → values, per-unit keys → values).
CREATE TABLE targets (
  seq      INTEGER PRIMARY KEY,
  id       TEXT NOT NULL UNIQUE,
  year     INTEGER NOT NULL,
  body     TEXT NOT NULL,
  at       TEXT NOT NULL,
  actor    TEXT NOT NULL,
  token_id TEXT
);
CREATE INDEX targets_year ON targets (year, seq);

CREATE TRIGGER targets_no_update BEFORE UPDATE ON targets
BEGIN SELECT RAISE(ABORT, 'targets are append-only'); END;
CREATE TRIGGER targets_no_delete BEFORE DELETE ON targets
BEGIN SELECT RAISE(ABORT, 'targets are append-only'); END;

-- TH of a result-round commune row: the criteria achieved at 31 December, as a bitmask like ht and
-- kh (NULL for plan rows).
ALTER TABLE submission_communes ADD COLUMN th INTEGER;
