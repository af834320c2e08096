-- Review workflow and audit (docs/review.md): one sequence for every action, reviews, deadlines
-- kept per round, aggregates kept per setup version, so that a report can be computed as it
-- stood after any action.
--
-- audit_log is the sequence: every action that changes stored data (submit, return, accept,
-- reopen, setup, deadline, targets, token.create, token.revoke) writes exactly one row in the same
-- D1 batch as the action, numbered max + 1 inside the batch (seq), at a time in milliseconds that
-- strictly increases with seq (at_ms = max(now, previous + 1)), so "as of a moment" and "after
-- action N" name the same cut. The rows can never be changed or deleted (triggers).
CREATE TABLE audit_log (
  seq      INTEGER PRIMARY KEY,
  at_ms    INTEGER NOT NULL,
  actor    TEXT NOT NULL,
  token_id TEXT,
  action   TEXT NOT NULL CHECK (action IN ('submit', 'return', 'accept', 'reopen', 'setup', 'deadline', 'targets', 'token.create', 'token.revoke')),
  unit     TEXT,
  year     INTEGER,
  round    TEXT CHECK (round IS NULL OR round IN ('plan', 'result')),
  revision INTEGER,
  detail   TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at_ms);
CREATE INDEX audit_log_year ON audit_log (year, seq);

-- The sequence number of the action that stored a revision / applied a setup version.
ALTER TABLE submissions ADD COLUMN seq INTEGER;
ALTER TABLE setups ADD COLUMN seq INTEGER;

-- Every review action, append-only: return (with its comment and cell comments), accept, reopen.
-- A unit's review state of a year and round is its row of highest seq.
CREATE TABLE reviews (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  year          INTEGER NOT NULL,
  round         TEXT NOT NULL CHECK (round IN ('plan', 'result')),
  unit          TEXT NOT NULL,
  action        TEXT NOT NULL CHECK (action IN ('return', 'accept', 'reopen')),
  revision      INTEGER,
  submission_id TEXT REFERENCES submissions (id),
  comment       TEXT,
  cells         TEXT NOT NULL DEFAULT '[]',
  at            TEXT NOT NULL,
  actor         TEXT NOT NULL,
  token_id      TEXT,
  CHECK (action = 'accept' OR length(comment) > 0)
);
CREATE INDEX reviews_unit ON reviews (year, round, unit, seq);

-- Deadlines set by the office, append-only; the latest row (by seq) of a round wins over the
-- setup's deadline.
CREATE TABLE round_deadlines (
  seq      INTEGER PRIMARY KEY,
  id       TEXT NOT NULL UNIQUE,
  year     INTEGER NOT NULL,
  round    TEXT NOT NULL CHECK (round IN ('plan', 'result')),
  deadline TEXT NOT NULL CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  at       TEXT NOT NULL,
  actor    TEXT NOT NULL,
  token_id TEXT
);
CREATE INDEX round_deadlines_round ON round_deadlines (year, round, seq);

-- A revision's aggregate recomputed under a later setup version (written when that version is
-- applied, for the revisions then latest). The aggregate under the setup current when the revision
-- was stored is `submissions.aggregate`.
CREATE TABLE revision_aggregates (
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  setup_id      TEXT NOT NULL REFERENCES setups (id),
  aggregate     TEXT NOT NULL,
  PRIMARY KEY (submission_id, setup_id)
) WITHOUT ROWID;

-- History before this migration: latest aggregates recomputed under a setup other than the one
-- current when their revision was stored.
INSERT OR IGNORE INTO revision_aggregates (submission_id, setup_id, aggregate)
  SELECT l.submission_id, l.setup_id, l.aggregate FROM latest_submissions l
  JOIN submissions s ON s.id = l.submission_id
  WHERE l.setup_id IS NOT NULL AND l.aggregate <> s.aggregate;

-- Earlier actions enter the sequence in the order they happened (ties: setups, then revisions,
-- then tokens): revisions stored, setup versions applied, tokens created and revoked.
CREATE TABLE audit_backfill AS
  SELECT kind, ref, at, ROW_NUMBER() OVER (ORDER BY at, sort, ref) AS seq FROM (
    SELECT 'setup' AS kind, id AS ref, applied_at AS at, 0 AS sort FROM setups
    UNION ALL SELECT 'submit', id, submitted_at, 1 FROM submissions
    UNION ALL SELECT 'token.create', id, created_at, 2 FROM tokens
    UNION ALL SELECT 'token.revoke', id, revoked_at, 3 FROM tokens WHERE revoked_at IS NOT NULL
  );

INSERT INTO audit_log (seq, at_ms, actor, token_id, action, unit, year, round, revision, detail)
  SELECT
    b.seq,
    CAST(ROUND((julianday(b.at) - 2440587.5) * 86400000) AS INTEGER),
    COALESCE(s.submitted_by, st.applied_by, t.label, 'admin'),
    COALESCE(s.token_id, st.token_id, t.id),
    b.kind,
    COALESCE(s.unit, t.unit),
    COALESCE(s.year, st.year),
    s.round,
    s.revision,
    CASE b.kind
      WHEN 'setup' THEN json_object('version', st.version, 'criteriaSet', st.criteria_set_id, 'units', st.units, 'communes', st.communes)
      WHEN 'submit' THEN json_object('communes', s.communes, 'templateVersion', s.template_version)
      ELSE json_object('role', t.role, 'label', t.label)
    END
  FROM audit_backfill b
  LEFT JOIN submissions s ON b.kind = 'submit' AND s.id = b.ref
  LEFT JOIN setups st ON b.kind = 'setup' AND st.id = b.ref
  LEFT JOIN tokens t ON b.kind IN ('token.create', 'token.revoke') AND t.id = b.ref;

UPDATE submissions SET seq = (SELECT seq FROM audit_backfill WHERE kind = 'submit' AND ref = submissions.id);
UPDATE setups SET seq = (SELECT seq FROM audit_backfill WHERE kind = 'setup' AND ref = setups.id);
DROP TABLE audit_backfill;

CREATE INDEX submissions_seq ON submissions (year, round, unit, seq);
CREATE INDEX setups_seq ON setups (year, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
CREATE TRIGGER round_deadlines_no_update BEFORE UPDATE ON round_deadlines
BEGIN SELECT RAISE(ABORT, 'deadlines are append-only'); END;
CREATE TRIGGER round_deadlines_no_delete BEFORE DELETE ON round_deadlines
BEGIN SELECT RAISE(ABORT, 'deadlines are append-only'); END;
