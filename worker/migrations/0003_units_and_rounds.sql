-- Reporting units and rounds (docs/setup.md, cycle.md). A reporting unit is a district (3-digit
-- code) or, from the two-tier reform, a commune (5-digit code): units are no longer tied to the
-- `districts` table, which stays as the reference data of the built-in 2016-2020 setup.
--  * tokens: role `district` becomes `unit`, bound to a unit code (role = 'unit' <=> unit not null);
--  * submissions, latest_submissions, commune_owners: keyed by unit, year and round (`plan` |
--    `result`); revisions numbered per (unit, year, round). Every existing row keeps its data and
--    becomes round `plan` (cycle.md: a submission without a round is a plan).
--
-- D1 runs a migration as one transaction, where PRAGMA foreign_keys cannot change: foreign keys stay
-- enforced and are deferred to the commit. A table nobody references is rebuilt the usual way
-- (create new, copy, drop, rename, recreate indexes). `submissions` is referenced by three tables:
-- dropping it counts each referencing row as a violation, and only rows inserted into a table under
-- the referenced name balance that count (renaming a table does not), so it is rebuilt as: hold a
-- copy, drop, create under its own name, copy back, drop the copy. A lost row fails the commit.
PRAGMA defer_foreign_keys = true;

-- 1. tokens (not referenced).
CREATE TABLE tokens_new (
  id         TEXT PRIMARY KEY,
  hash       TEXT NOT NULL UNIQUE,
  role       TEXT NOT NULL CHECK (role IN ('unit', 'office', 'admin')),
  unit       TEXT CHECK (unit IS NULL OR unit GLOB '[0-9][0-9][0-9]' OR unit GLOB '[0-9][0-9][0-9][0-9][0-9]'),
  label      TEXT NOT NULL CHECK (length(label) > 0),
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  CHECK ((role = 'unit') = (unit IS NOT NULL))
);
INSERT INTO tokens_new (id, hash, role, unit, label, created_at, revoked_at)
  SELECT id, hash, CASE role WHEN 'district' THEN 'unit' ELSE role END, district, label, created_at, revoked_at FROM tokens;
DROP TABLE tokens;
ALTER TABLE tokens_new RENAME TO tokens;

-- 2. latest_submissions (references submissions; not referenced): the latest revision of each unit,
-- year and round, keyed year first (the report reads one year and round).
CREATE TABLE latest_submissions_new (
  year          INTEGER NOT NULL,
  round         TEXT NOT NULL CHECK (round IN ('plan', 'result')),
  unit          TEXT NOT NULL,
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  revision      INTEGER NOT NULL,
  content_hash  TEXT NOT NULL,
  PRIMARY KEY (year, round, unit)
) WITHOUT ROWID;
INSERT INTO latest_submissions_new (year, round, unit, submission_id, revision, content_hash)
  SELECT year, 'plan', district, submission_id, revision, content_hash FROM latest_submissions;
DROP TABLE latest_submissions;
ALTER TABLE latest_submissions_new RENAME TO latest_submissions;

-- 3. commune_owners (references submissions; not referenced): a commune code belongs to at most one
-- unit per year and round (rule `commune.owned_elsewhere`), the unit whose latest revision holds it.
CREATE TABLE commune_owners_new (
  year          INTEGER NOT NULL,
  round         TEXT NOT NULL CHECK (round IN ('plan', 'result')),
  code          TEXT NOT NULL,
  unit          TEXT NOT NULL,
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  PRIMARY KEY (year, round, code)
) WITHOUT ROWID;
INSERT INTO commune_owners_new (year, round, code, unit, submission_id)
  SELECT year, 'plan', code, district, submission_id FROM commune_owners;
DROP TABLE commune_owners;
ALTER TABLE commune_owners_new RENAME TO commune_owners;
CREATE INDEX commune_owners_unit ON commune_owners (year, round, unit);

-- 4. submissions (referenced by submission_communes, latest_submissions, commune_owners): one row
-- per stored revision of a unit's template for a plan year and round; never updated.
CREATE TABLE submissions_hold AS SELECT * FROM submissions;
DROP TABLE submissions;
CREATE TABLE submissions (
  id               TEXT PRIMARY KEY,
  unit             TEXT NOT NULL CHECK (unit GLOB '[0-9][0-9][0-9]' OR unit GLOB '[0-9][0-9][0-9][0-9][0-9]'),
  year             INTEGER NOT NULL,
  round            TEXT NOT NULL CHECK (round IN ('plan', 'result')),
  revision         INTEGER NOT NULL CHECK (revision >= 1),
  content_hash     TEXT NOT NULL,
  template_version TEXT NOT NULL,
  header           TEXT NOT NULL,
  aggregate        TEXT NOT NULL,
  communes         INTEGER NOT NULL,
  prepared_by      TEXT,
  phone            TEXT,
  submitted_by     TEXT NOT NULL,
  token_id         TEXT,
  submitted_at     TEXT NOT NULL,
  UNIQUE (unit, year, round, revision)
);
INSERT INTO submissions (id, unit, year, round, revision, content_hash, template_version, header, aggregate, communes,
    prepared_by, phone, submitted_by, token_id, submitted_at)
  SELECT id, district, year, 'plan', revision, content_hash, template_version, header, aggregate, communes,
    prepared_by, phone, submitted_by, token_id, submitted_at FROM submissions_hold;
DROP TABLE submissions_hold;
CREATE INDEX submissions_year ON submissions (year, round, unit);
