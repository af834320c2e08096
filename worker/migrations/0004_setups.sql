-- Plan-year setups (docs/setup.md): the programme as data. A setup is never overwritten in place:
-- each PUT /api/v1/setup/:year that changes it adds a version (1, 2, 3 per year) with when and by
-- whom it was applied, so a report as of an earlier moment can use the setup of that moment. The
-- years 2016-2020 need no row here: they fall back to the built-in setup (the `districts` and
-- `criteria` reference tables with the 2016-2020 set).

-- One row per applied version. `criteria_set` is the set as this version uses it (criteria, bands,
-- commune groups; JSON), `plan_flags` and `capital_rows` are JSON arrays; `has_communes` tells an
-- absent commune list (0: the 2018 behaviour) from a registered one; `content_hash` (SHA-256 of the
-- stored setup's JSON) lets an identical re-apply answer the current version instead of a new one.
CREATE TABLE setups (
  id              TEXT PRIMARY KEY,
  year            INTEGER NOT NULL,
  version         INTEGER NOT NULL CHECK (version >= 1),
  criteria_set_id TEXT NOT NULL,
  criteria_set    TEXT NOT NULL,
  level           TEXT NOT NULL CHECK (level IN ('huyện', 'xã')),
  plan_flags      TEXT NOT NULL,
  capital_rows    TEXT NOT NULL,
  deadline_plan   TEXT,
  deadline_result TEXT,
  has_communes    INTEGER NOT NULL CHECK (has_communes IN (0, 1)),
  units           INTEGER NOT NULL CHECK (units >= 0),
  communes        INTEGER NOT NULL CHECK (communes >= 0),
  content_hash    TEXT NOT NULL,
  applied_at      TEXT NOT NULL,
  applied_by      TEXT NOT NULL,
  token_id        TEXT,
  UNIQUE (year, version)
);
CREATE INDEX setups_applied ON setups (year, applied_at);

-- The reporting units of a setup version, in the setup's order (`sort`, from 0). attributes: JSON
-- object of yes/no values by label (`Huyện biên giới`).
CREATE TABLE setup_units (
  setup_id   TEXT NOT NULL REFERENCES setups (id),
  code       TEXT NOT NULL CHECK (code GLOB '[0-9][0-9][0-9]' OR code GLOB '[0-9][0-9][0-9][0-9][0-9]'),
  sort       INTEGER NOT NULL,
  name       TEXT NOT NULL,
  attributes TEXT NOT NULL,
  PRIMARY KEY (setup_id, code)
) WITHOUT ROWID;
CREATE UNIQUE INDEX setup_units_sort ON setup_units (setup_id, sort);

-- The registered commune list of a setup version, in its order. grp: commune group 1-3 or NULL;
-- attributes: JSON object by label (`Xã biên giới`); former_codes: JSON array of the codes it was
-- formed from (a merger).
CREATE TABLE setup_communes (
  setup_id     TEXT NOT NULL REFERENCES setups (id),
  code         TEXT NOT NULL CHECK (code GLOB '[0-9][0-9][0-9][0-9][0-9]'),
  sort         INTEGER NOT NULL,
  name         TEXT NOT NULL,
  unit         TEXT NOT NULL,
  grp          INTEGER CHECK (grp IS NULL OR grp IN (1, 2, 3)),
  attributes   TEXT NOT NULL,
  former_codes TEXT NOT NULL,
  PRIMARY KEY (setup_id, code),
  FOREIGN KEY (setup_id, unit) REFERENCES setup_units (setup_id, code)
) WITHOUT ROWID;
CREATE UNIQUE INDEX setup_communes_sort ON setup_communes (setup_id, sort);

-- Custom criteria sets (a province's own or a new national one, not built into the code), as the
-- setups that used them defined them: a new version of an id only when its definition changed.
-- GET /api/v1/criteria-sets lists the latest version of each id beside the built-in sets.
CREATE TABLE custom_criteria_sets (
  id           TEXT NOT NULL,
  version      INTEGER NOT NULL CHECK (version >= 1),
  definition   TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  setup_id     TEXT NOT NULL REFERENCES setups (id),
  stored_at    TEXT NOT NULL,
  PRIMARY KEY (id, version)
) WITHOUT ROWID;
