import { describe, expect, it } from "vitest";
import { SET_2016_2020 } from "../../../shared/setup/criteria-sets.ts";
import { checkSetup } from "../../../shared/setup/check-setup.ts";
import { DEFAULT_CAPITAL_ROWS } from "../../../shared/setup/defaults.ts";
import type { SetupJson } from "../../../shared/setup/schema.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import { chunkRows } from "../../../worker/db/json-chunks.ts";
import { listCustomCriteriaSets } from "../../../worker/db/setup-lists.ts";
import { loadSetup, loadSetupRecord, setupWriteStatements, storeSetup } from "../../../worker/db/setups.ts";
import { communeSetup, countingDb, db, districtSetup, largeCommuneSetup } from "../helpers.ts";

/** worker/db/setups.ts against real D1: history, asOf, the built-in fallback, bounded writes, atomicity. */

function checked(json: SetupJson): Setup {
  const r = checkSetup(json, json.year);
  if (!r.ok) throw new Error(JSON.stringify(r.issues.filter((i) => i.severity === "error")));
  return r.value;
}

const write = (setup: Setup, at: string, by = "Quản trị") => ({
  id: crypto.randomUUID(),
  setup,
  appliedAt: at,
  appliedBy: by,
  tokenId: null,
});
const count = async (table: string) => (await db.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())?.n ?? 0;

describe("loadSetup", () => {
  it("a year 2016-2020 without an applied setup: the built-in defaults from today's D1 reference data", async () => {
    const record = await loadSetupRecord(db, 2017);
    expect(record).toMatchObject({ id: null, version: null, appliedAt: null, appliedBy: null });
    expect(record?.setup).toEqual({
      year: 2017,
      criteriaSet: SET_2016_2020,
      level: "huyện",
      units: expect.any(Array),
      communes: null,
      planFlags: [],
      capitalRows: DEFAULT_CAPITAL_ROWS,
      deadlines: { plan: null, result: null },
      origin: "builtin",
    });
    expect(record?.setup.units[3]).toEqual({ code: "182", name: "Huyện Văn Lãng", attributes: { "Huyện biên giới": true } });
    expect(record?.setup.units).toHaveLength(11);
  });

  it("an administrator's edit of the reference tables counts for the built-in years", async () => {
    await db.batch([
      db.prepare("UPDATE districts SET name = 'Huyện Thử Đổi' WHERE code = '181'"),
      db.prepare("UPDATE criteria SET name = 'Giao thông nông thôn' WHERE template_version = 'NTM-1' AND number = 2"),
    ]);
    try {
      const setup = await loadSetup(db, 2016);
      expect(setup?.units.find((u) => u.code === "181")?.name).toBe("Huyện Thử Đổi");
      expect(setup?.criteriaSet.criteria[1]).toEqual({ number: 2, name: "Giao thông nông thôn", nameEn: "Transport" });
      expect(setup?.criteriaSet.bands).toEqual(SET_2016_2020.bands);
    } finally {
      await db.batch([
        db.prepare("UPDATE districts SET name = 'Huyện Bình Gia' WHERE code = '181'"),
        db.prepare("UPDATE criteria SET name = 'Giao thông' WHERE template_version = 'NTM-1' AND number = 2"),
      ]);
    }
  });

  it("null for a year outside 2016-2020 with no applied setup", async () => {
    expect(await loadSetupRecord(db, 2030)).toBeNull();
    expect(await loadSetup(db, 2021)).toBeNull();
  });

  it("history: each write a new version; the latest by default, the one current at asOf otherwise", async () => {
    const v1 = checked(districtSetup(2031));
    const v2 = checked(districtSetup(2031, { planFlags: ["Xã nông thôn mới nâng cao"] }));
    expect(await storeSetup(db, write(v1, "2031-01-10T00:00:00.000Z"))).toMatchObject({ version: 1, created: true });
    expect(await storeSetup(db, write(v2, "2031-03-10T00:00:00.000Z", "Sở NN"))).toMatchObject({ version: 2, created: true });
    expect(await loadSetupRecord(db, 2031)).toEqual({
      setup: v2,
      id: expect.any(String),
      version: 2,
      appliedAt: "2031-03-10T00:00:00.000Z",
      appliedBy: "Sở NN",
    });
    expect((await loadSetupRecord(db, 2031, "2031-02-01T00:00:00.000Z"))?.setup).toEqual(v1);
    expect((await loadSetupRecord(db, 2031, "2031-03-10T00:00:00.000Z"))?.version).toBe(2);
    expect(await loadSetupRecord(db, 2031, "2030-12-31T00:00:00.000Z")).toBeNull();
    // A built-in year's applied setup wins over the defaults; before it, the defaults.
    await storeSetup(db, write(checked(districtSetup(2019, { planFlags: ["Cờ thử"] })), "2019-02-01T00:00:00.000Z"));
    expect((await loadSetup(db, 2019))?.planFlags).toEqual(["Cờ thử"]);
    expect((await loadSetup(db, 2019, "2019-01-01T00:00:00.000Z"))?.origin).toBe("builtin");
  });

  it("the same setup again stores nothing and answers the current version; A, B, A makes version 3", async () => {
    const a = checked(districtSetup(2032));
    const b = checked(districtSetup(2032, { planFlags: ["Cờ B"] }));
    await storeSetup(db, write(a, "2032-01-01T00:00:00.000Z"));
    const rows = await count("setup_units");
    const again = await storeSetup(db, write(a, "2032-01-02T00:00:00.000Z"));
    expect(again).toMatchObject({ version: 1, created: false, appliedAt: "2032-01-01T00:00:00.000Z" });
    expect(await count("setup_units")).toBe(rows);
    await storeSetup(db, write(b, "2032-01-03T00:00:00.000Z"));
    expect(await storeSetup(db, write(a, "2032-01-04T00:00:00.000Z"))).toMatchObject({ version: 3, created: true });
  });
});

describe("writing 10,000 communes", () => {
  it("takes 6 statements in one batch (head, its audit row, 1 units chunk, 2 communes chunks, the read-back), never one per commune; reads back equal", async () => {
    const setup = checked(largeCommuneSetup(2033, 10_000));
    const communeRows = setup.communes!.map((c) => [c.code, c.name, c.unit, c.group, c.attributes, c.formerCodes]);
    expect(chunkRows(communeRows)).toHaveLength(2);
    expect(chunkRows(setup.units.map((u) => [u.code, u.name, u.attributes]))).toHaveLength(1);
    const { db: counted, stats } = countingDb(db);
    expect(await storeSetup(counted, write(setup, "2033-01-01T00:00:00.000Z"))).toMatchObject({ version: 1, created: true });
    expect(stats).toEqual({ roundTrips: 1, statements: 6, batches: [6] });
    const audit = await db
      .prepare("SELECT a.action, a.year, a.detail FROM audit_log a JOIN setups s ON s.seq = a.seq WHERE s.year = 2033")
      .first<{ action: string; year: number; detail: string }>();
    expect(audit).toEqual({
      action: "setup",
      year: 2033,
      detail: JSON.stringify({ criteriaSet: setup.criteriaSet.id, level: "xã", units: 10_000, communes: 10_000, version: 1 }),
    });

    const { db: reading, stats: readStats } = countingDb(db);
    const back = await loadSetup(reading, 2033);
    expect(readStats).toEqual({ roundTrips: 1, statements: 3, batches: [3] });
    expect(back).toEqual(setup);
    expect(back?.communes?.[7]).toEqual({
      code: "10007",
      name: "Xã Thống Nhất Đông Bắc 7",
      unit: "10007",
      group: 2,
      attributes: { "Xã biên giới": true },
      formerCodes: ["50014", "50015"],
    });
  }, 60_000);

  it("all or nothing: a failing last chunk leaves no version, unit or commune of the write", async () => {
    const before = await Promise.all(["setups", "setup_units", "setup_communes"].map(count));
    await db.exec(
      "CREATE TRIGGER test_fail_commune BEFORE INSERT ON setup_communes WHEN NEW.code = '19999' BEGIN SELECT RAISE(ABORT, 'test: chunk fails'); END;",
    );
    try {
      const err = await storeSetup(db, write(checked(largeCommuneSetup(2034, 10_000)), "2034-01-01T00:00:00.000Z")).catch(
        (e: unknown) => e,
      );
      expect(String(err)).toMatch(/test: chunk fails/);
    } finally {
      await db.exec("DROP TRIGGER test_fail_commune");
    }
    expect(await Promise.all(["setups", "setup_units", "setup_communes"].map(count))).toEqual(before);
    expect(await loadSetup(db, 2034)).toBeNull();
  }, 60_000);

  it("setupWriteStatements can share its batch: a caller's statement runs in the same transaction", async () => {
    const w = write(checked(communeSetup(2035, ["06148", "06151"])), "2035-01-01T00:00:00.000Z");
    const stmts = await setupWriteStatements(db, w);
    // The head, its audit row, one units chunk and one communes chunk.
    expect(stmts.length).toBe(4);
    const marker = db.prepare("SELECT count(*) AS n FROM setup_units WHERE setup_id = ?1").bind(w.id);
    const results = await db.batch([...stmts, marker]);
    expect(results.at(-1)?.results).toEqual([{ n: 2 }]);
  });
});

describe("custom criteria sets and units of a year", () => {
  const custom = (year: number, name: string): SetupJson => ({
    ...districtSetup(year),
    criteriaSet: {
      id: "LS-2027",
      decision: "QĐ tỉnh Lạng Sơn (thử)",
      criteria: [
        { number: 1, name, nameEn: "Planning" },
        { number: 2, name: "Giao thông", nameEn: "Transport" },
      ],
      bands: [
        { label: "Đạt 2 tiêu chí", min: 2, max: 2 },
        { label: "Dưới 2 tiêu chí", min: 0, max: 1 },
      ],
    },
  });

  it("a custom set is versioned only when its definition changes; the list gives each id's latest", async () => {
    await storeSetup(db, write(checked(custom(2036, "Quy hoạch")), "2036-01-01T00:00:00.000Z"));
    await storeSetup(db, write(checked(custom(2037, "Quy hoạch")), "2037-01-01T00:00:00.000Z"));
    expect((await listCustomCriteriaSets(db)).map((r) => [r.set.id, r.version, r.set.criteria[0]?.name])).toEqual([
      ["LS-2027", 1, "Quy hoạch"],
    ]);
    await storeSetup(db, write(checked(custom(2038, "Quy hoạch xây dựng")), "2038-01-01T00:00:00.000Z"));
    const [latest] = await listCustomCriteriaSets(db);
    expect(latest).toEqual({
      version: 2,
      set: {
        id: "LS-2027",
        decision: "QĐ tỉnh Lạng Sơn (thử)",
        criteria: [
          { number: 1, name: "Quy hoạch xây dựng", nameEn: "Planning" },
          { number: 2, name: "Giao thông", nameEn: "Transport" },
        ],
        bands: [
          { key: "2", label: "Đạt 2 tiêu chí", min: 2, max: 2 },
          { key: "<2", label: "Dưới 2 tiêu chí", min: 0, max: 1 },
        ],
        communeGroups: false,
      },
    });
    expect(await count("custom_criteria_sets")).toBe(2);
  });
});
