-- Schema of the NTM data store (Cloudflare D1 = SQLite). Reference data is seeded by 0002.
-- All SQL of the Worker lives in worker/db/; this file and later migrations are the schema.

-- Reference data: districts of the province (an administrator's data, not code).
CREATE TABLE districts (
  code   TEXT PRIMARY KEY,
  name   TEXT NOT NULL,
  border INTEGER NOT NULL CHECK (border IN (0, 1)),
  sort   INTEGER NOT NULL
);

-- Reference data: criteria sets (bộ tiêu chí), one per template version.
CREATE TABLE criteria_sets (
  template_version TEXT PRIMARY KEY,
  period           TEXT NOT NULL
);

CREATE TABLE criteria (
  template_version TEXT NOT NULL REFERENCES criteria_sets (template_version),
  number           INTEGER NOT NULL CHECK (number BETWEEN 1 AND 52),
  name             TEXT NOT NULL,
  name_en          TEXT NOT NULL,
  PRIMARY KEY (template_version, number)
) WITHOUT ROWID;

-- API tokens: only the SHA-256 (hex) of the token is stored; the token is shown once.
CREATE TABLE tokens (
  id         TEXT PRIMARY KEY,
  hash       TEXT NOT NULL UNIQUE,
  role       TEXT NOT NULL CHECK (role IN ('district', 'office', 'admin')),
  district   TEXT REFERENCES districts (code),
  label      TEXT NOT NULL CHECK (length(label) > 0),
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  CHECK ((role = 'district') = (district IS NOT NULL))
);

-- One row per stored revision of a district's template for a plan year; never updated.
-- `header` is the canonical submission without its communes (they are in submission_communes);
-- `aggregate` is what the report needs, computed at submit time (shared/schemas/aggregate.ts).
CREATE TABLE submissions (
  id               TEXT PRIMARY KEY,
  district         TEXT NOT NULL REFERENCES districts (code),
  year             INTEGER NOT NULL,
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
  UNIQUE (district, year, revision)
);
CREATE INDEX submissions_year ON submissions (year, district);

-- Communes of a revision. flags: bit 0 border, 1 pilotDifficult, 2 ntmTarget, 3 districtDifficult.
-- ht / kh: bit (n - 1) set when criterion n is achieved (HT) / planned (KH).
CREATE TABLE submission_communes (
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  code          TEXT NOT NULL,
  name          TEXT NOT NULL,
  flags         INTEGER NOT NULL,
  ht            INTEGER NOT NULL,
  kh            INTEGER NOT NULL,
  source_row    INTEGER,
  PRIMARY KEY (submission_id, code)
) WITHOUT ROWID;

-- The latest revision of each district and year: what the report reads and what dedupe compares.
CREATE TABLE latest_submissions (
  district      TEXT NOT NULL,
  year          INTEGER NOT NULL,
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  revision      INTEGER NOT NULL,
  content_hash  TEXT NOT NULL,
  PRIMARY KEY (district, year)
) WITHOUT ROWID;

-- Commune ownership (rule `commune.owned_elsewhere`). Decision: a commune code belongs to the
-- district whose LATEST revision for the year contains it. Each new revision replaces the district's
-- rows here, so a district that corrects a mistaken code releases it. The primary key makes a code
-- belong to at most one district per year even when two districts submit at the same moment.
CREATE TABLE commune_owners (
  year          INTEGER NOT NULL,
  code          TEXT NOT NULL,
  district      TEXT NOT NULL,
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  PRIMARY KEY (year, code)
) WITHOUT ROWID;
CREATE INDEX commune_owners_district ON commune_owners (year, district);
