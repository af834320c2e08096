-- NTM-2 submissions and aggregates that follow the year's setup (docs/setup.md).
--
-- 1. Commune rows stay the source of truth for both template versions; revisions are never updated.
--    An NTM-1 row is as before: `flags` bit 0 border, 1 pilotDifficult, 2 ntmTarget, 3
--    districtDifficult; `grp` and `marks` NULL. An NTM-2 row keeps what the unit typed:
--      grp    its commune group (1, 2, 3) or NULL;
--      flags  bit i set when label i of the revision's label list is "yes" (có);
--      marks  bit i set when the commune has a value (yes or no) for label i at all.
--    The label list is the revision's `commune_labels`, JSON {"attributes": [...], "flags": [...]}:
--    attribute labels (`Xã biên giới`) on bits 0..A-1, then plan flag labels (`Phấn đấu đạt chuẩn
--    NTM`, ...) on bits A..A+F-1, each list in the order the labels first appear among the
--    communes; at most 52 labels in all (every bit exact in a JavaScript number). NULL for NTM-1.
--    HT / KH stay bit n-1 for criterion n (at most 52 criteria in any set).
-- 2. `latest_submissions.aggregate`: what the report reads for the latest revision of each unit,
--    year and round, under the year's CURRENT setup. It is written with the revision and recomputed
--    from the commune rows and the header, in the same D1 batch that applies a setup, whenever a
--    setup is applied; `setup_id` names the setup version it was computed under (NULL: the built-in
--    defaults of 2016-2020, or stored before setups existed). `submissions.aggregate` stays the
--    aggregate at submit time, under the setup of that moment.
-- D1 runs a migration as one transaction with foreign keys enforced at the commit (see 0003):
-- `latest_submissions` is referenced by no table, so it is rebuilt the usual way.
PRAGMA defer_foreign_keys = true;

ALTER TABLE submissions ADD COLUMN commune_labels TEXT;
ALTER TABLE submission_communes ADD COLUMN grp INTEGER CHECK (grp IS NULL OR grp IN (1, 2, 3));
ALTER TABLE submission_communes ADD COLUMN marks INTEGER;

CREATE TABLE latest_submissions_new (
  year          INTEGER NOT NULL,
  round         TEXT NOT NULL CHECK (round IN ('plan', 'result')),
  unit          TEXT NOT NULL,
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  revision      INTEGER NOT NULL,
  content_hash  TEXT NOT NULL,
  aggregate     TEXT NOT NULL,
  setup_id      TEXT REFERENCES setups (id),
  PRIMARY KEY (year, round, unit)
) WITHOUT ROWID;
INSERT INTO latest_submissions_new (year, round, unit, submission_id, revision, content_hash, aggregate, setup_id)
  SELECT l.year, l.round, l.unit, l.submission_id, l.revision, l.content_hash, s.aggregate, NULL
  FROM latest_submissions l JOIN submissions s ON s.id = l.submission_id;
DROP TABLE latest_submissions;
ALTER TABLE latest_submissions_new RENAME TO latest_submissions;
