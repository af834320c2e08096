import { describe, expect, it } from "vitest";
import { readStoredAggregate } from "../../../shared/schemas/aggregate.ts";
import { revisionResponseSchema, submitResponseSchema } from "../../../shared/schemas/api.ts";
import { api, applySetup, counts, createToken, db, json } from "../helpers.ts";
import { ADVANCED, BORDER, TARGET, TINY, tinyBodies, tinySetup, unitCommune, unitSubmission, upTo } from "../unit-fixtures.ts";

/**
 * POST /api/v1/submissions with NTM-2 bodies (docs/setup.md): a 2027-style plan where each commune
 * reports for itself (level xã, the 10 criteria of 2026-2030), checked and aggregated under the
 * year's setup. Each test has its own plan year.
 */

type Issue = { code: string; severity: string; sheet: string | null; cell: string | null; commune: string | null };

describe("POST /submissions, NTM-2", () => {
  it("201 for each commune's template under its setup; the stored aggregates and the report have these exact figures", async () => {
    await applySetup(2027, tinySetup(2027));
    const [a, b, c] = tinyBodies(2027);
    const tokens = await Promise.all(TINY.map((x) => createToken("unit", x.code)));
    const answers = [];
    for (const [i, body] of [a!, b!, c!].entries()) {
      const res = await api("/submissions", { token: tokens[i]!.token, body });
      expect(res.status).toBe(201);
      answers.push(submitResponseSchema.parse(await json(res)));
    }
    expect(answers.map((x) => [x.unit, x.district, x.round, x.year, x.revision, x.deduplicated])).toEqual([
      ["06148", "06148", "plan", 2027, 1, false],
      ["06151", "06151", "plan", 2027, 1, false],
      ["06157", "06157", "plan", 2027, 1, false],
    ]);
    // 06151 targets NTM with 9 of 10 criteria planned: a warning, at the commune's row.
    expect(answers[1]!.warnings.map((w) => [w.code, w.severity, w.commune])).toEqual([["plan.target_incomplete", "warning", "06151"]]);
    expect(answers[0]!.warnings).toEqual([]);

    // The aggregate of 06151, stored with the revision and as the latest (what the report reads).
    const rows = await db
      .prepare(
        "SELECT s.aggregate AS stored, l.aggregate AS latest, l.setup_id FROM latest_submissions l JOIN submissions s ON s.id = l.submission_id WHERE l.year = 2027 AND l.unit = '06151'",
      )
      .first<{ stored: string; latest: string; setup_id: string | null }>();
    expect(rows?.latest).toBe(rows?.stored);
    const setupId = await db.prepare("SELECT id FROM setups WHERE year = 2027").first<{ id: string }>();
    expect(rows?.setup_id).toBe(setupId?.id);
    expect(readStoredAggregate(rows!.latest)).toEqual({
      schemaVersion: 2,
      templateVersion: "NTM-2",
      criteriaSet: { id: "2026-2030", size: 10 },
      communes: 1,
      ntm: { baseline: 0, plan: 0 },
      criteriaSum: { baseline: 7, plan: 9 },
      criteria: { baseline: [1, 1, 1, 1, 1, 1, 1, 0, 0, 0], plan: [1, 1, 1, 1, 1, 1, 1, 1, 1, 0] },
      bands: { baseline: { "10": 0, "8-9": 0, "5-7": 1, "<5": 0 }, plan: { "10": 0, "8-9": 1, "5-7": 0, "<5": 0 } },
      groups: {
        group1: { communes: 0, criteriaSum: { baseline: 0, plan: 0 } },
        group2: { communes: 1, criteriaSum: { baseline: 7, plan: 9 } },
        group3: { communes: 0, criteriaSum: { baseline: 0, plan: 0 } },
        [`attr:${BORDER}`]: { communes: 0, criteriaSum: { baseline: 0, plan: 0 } },
        [`flag:${TARGET}`]: { communes: 1, criteriaSum: { baseline: 7, plan: 9 } },
        [`flag:${ADVANCED}`]: { communes: 0, criteriaSum: { baseline: 0, plan: 0 } },
      },
      capital: { "1": 800_000, "2": 0 },
      unlisted: [],
    });

    const report = await json(await api("/reports/2027"));
    expect(report.level).toBe("xã");
    expect(report.criteriaSet).toEqual({ id: "2026-2030", size: 10 });
    expect(
      report.units.map((u: { code: string; templateVersion: string; status: string; communes: number; ntmPlan: number }) => [
        u.code,
        u.templateVersion,
        u.status,
        u.communes,
        u.ntmPlan,
      ]),
    ).toEqual([
      ["06148", "NTM-2", "submitted", 1, 1],
      ["06151", "NTM-2", "submitted", 1, 0],
      ["06157", "NTM-2", "submitted", 1, 0],
    ]);
    expect(report.overview).toMatchObject({ communes: 3, ntm: { baseline: 1, plan: 1, added: 0 } });
    expect(report.bands.map((x: { band: string; baseline: number; plan: number }) => [x.band, x.baseline, x.plan])).toEqual([
      ["10", 1, 1],
      ["8-9", 0, 1],
      ["5-7", 1, 1],
      ["<5", 1, 0],
    ]);
    expect(report.criteria.map((x: { baseline: number; plan: number }) => [x.baseline, x.plan])).toEqual([
      [3, 3],
      [3, 3],
      [3, 3],
      [2, 3],
      [2, 3],
      [2, 2],
      [2, 2],
      [1, 2],
      [1, 2],
      [1, 1],
    ]);
    expect(report.groups.map((g: { group: string; communes: number }) => [g.group, g.communes])).toEqual([
      ["group1", 1],
      ["group2", 1],
      ["group3", 1],
      [`attr:${BORDER}`, 2],
      [`flag:${TARGET}`, 1],
      [`flag:${ADVANCED}`, 1],
    ]);
    // Million VND: 1,500,000 + 800,000 and 250,500 + 120,000 thousand.
    expect(report.capital.sources.map((s: { key: string; amount: number }) => [s.key, s.amount])).toEqual([
      ["1", 2_300],
      ["2", 370.5],
      ["total", 2_670.5],
    ]);
    expect(report.unlisted).toEqual([]);
  });

  it("reads back as sent (cleaned): group, attributes and plan flags from the commune rows; the same content again is 200", async () => {
    await applySetup(2028, tinySetup(2028));
    const [, b] = tinyBodies(2028);
    const body = { ...b!, preparedBy: "  Lăng Văn\u200b Bình ", unitName: "Xã Đoàn Kết".normalize("NFD") };
    const first = await json(await api("/submissions", { body }));
    const stored = revisionResponseSchema.parse(await json(await api(`/submissions/${first.id}`)));
    expect(stored).toMatchObject({ unit: "06151", district: "06151", year: 2028, revision: 1, latest: true, communes: 1 });
    expect(stored.submission).toEqual({ ...b, preparedBy: "Lăng Văn Bình", unitName: "Xã Đoàn Kết" });
    const row = await db
      .prepare(
        "SELECT c.grp, c.flags, c.marks, s.commune_labels FROM submission_communes c JOIN submissions s ON s.id = c.submission_id WHERE s.id = ?1",
      )
      .bind(first.id)
      .first();
    // Labels: attribute `Xã biên giới` on bit 0, flags on bits 1, 2; 06151 targets NTM (bit 1).
    expect(row).toEqual({
      grp: 2,
      flags: 2,
      marks: 7,
      commune_labels: JSON.stringify({ attributes: [BORDER], flags: [TARGET, ADVANCED] }),
    });

    const before = await counts();
    const moved = { ...b!, communes: b!.communes.map((c) => ({ ...c, source: { sheet: "Tiêu chí", row: 40 } })) };
    const again = await api("/submissions", { body: moved });
    expect(again.status).toBe(200);
    expect(await json(again)).toMatchObject({ id: first.id, revision: 1, deduplicated: true });
    expect(await counts()).toEqual(before);
    const changed = await api("/submissions", { body: { ...b!, capital: { "1": 800_001 } } });
    expect([changed.status, (await json(changed)).revision]).toEqual([201, 2]);
  });

  it("422 commune.unknown at the Mã xã cell for a commune the setup does not list for the unit; nothing stored", async () => {
    await applySetup(2029, tinySetup(2029));
    const [a] = TINY;
    const before = await counts();
    const body = unitSubmission(2029, a.code, [
      unitCommune(a, upTo(10), upTo(10)),
      unitCommune({ code: "06160", name: "Xã Lạ", group: 2, border: false }, [1], upTo(5), {}, 7),
      unitCommune(TINY[1], [1], upTo(5), {}, 8),
    ]);
    const res = await api("/submissions", { body });
    expect(res.status).toBe(422);
    const { error } = await json(res);
    expect(error.code).toBe("submission.invalid");
    const errors = (error.details.issues as Issue[]).filter((i) => i.severity === "error");
    expect(errors.map((i) => [i.code, i.sheet, i.cell, i.commune])).toEqual([
      ["commune.unknown", "Tiêu chí", "B7", "06160"],
      ["commune.unknown", "Tiêu chí", "B8", "06151"],
    ]);
    expect(await counts()).toEqual(before);
  });

  it("422 for an NTM-2 body of another criteria set, or with a criterion outside the set's 10", async () => {
    await applySetup(2030, tinySetup(2030));
    const [a] = TINY;
    const wrongSet = unitSubmission(2030, a.code, [unitCommune(a, [1], upTo(5))], {}, { criteriaSet: "2021-2025" });
    const tooMany = unitSubmission(2030, a.code, [unitCommune(a, [1], [...upTo(5), 11])]);
    const codes = async (body: unknown) => {
      const res = await api("/submissions", { body });
      expect(res.status).toBe(422);
      return ((await json(res)).error.details.issues as Issue[]).filter((i) => i.severity === "error").map((i) => i.code);
    };
    expect(await codes(wrongSet)).toEqual(["info.criteria_set_mismatch"]);
    expect(await codes(tooMany)).toEqual(["criterion.number_unknown"]);
  });

  it("403 auth.forbidden for a unit token of another unit; 403 unit.not_in_setup for a unit the year does not list; nothing stored", async () => {
    await applySetup(2031, tinySetup(2031, TINY.slice(0, 2)));
    const [a, , c] = TINY;
    const own = await createToken("unit", a.code);
    const before = await counts();
    const other = await api("/submissions", { token: own.token, body: tinyBodies(2031)[1] });
    expect(other.status).toBe(403);
    expect((await json(other)).error.code).toBe("auth.forbidden");
    const dropped = await createToken("unit", c.code);
    const res = await api("/submissions", { token: dropped.token, body: tinyBodies(2031)[2] });
    expect(res.status).toBe(403);
    expect((await json(res)).error.code).toBe("unit.not_in_setup");
    expect(await counts()).toEqual(before);
    // The office may send it: the rules answer that the unit is not one of the year's.
    const office = await api("/submissions", { body: tinyBodies(2031)[2] });
    expect(office.status).toBe(422);
    expect(((await json(office)).error.details.issues as Issue[]).map((i) => i.code)).toContain("info.unit_unknown");
  });

  it("404 setup.missing for a year outside 2016-2020 without a setup, for NTM-2 and NTM-1 bodies; nothing stored", async () => {
    const before = await counts();
    const res = await api("/submissions", { body: tinyBodies(2032)[0] });
    expect(res.status).toBe(404);
    expect(await json(res)).toEqual({
      error: {
        code: "setup.missing",
        message: "Năm 2032 chưa có cấu hình. Quản trị viên áp dụng cấu hình bằng lệnh `ntm setup apply <tệp.xlsx>` (bảng Thiết lập).",
        messageEn: "The year 2032 has no setup. An administrator applies one with `ntm setup apply <file.xlsx>` (the Thiết lập workbook).",
      },
    });
    expect(await counts()).toEqual(before);
  });

  it("an NTM-1 body for a year whose setup is at level xã: 422 info.version_not_for_setup", async () => {
    await applySetup(2033, tinySetup(2033));
    const { submission, commune } = await import("../helpers.ts");
    const res = await api("/submissions", { body: submission("183", 2033, [commune("06148", "Xã Thất Khê", [1], [1, 2, 3, 4, 5])]) });
    expect(res.status).toBe(422);
    const issues = (await json(res)).error.details.issues as Issue[];
    expect(issues.map((i) => [i.code, i.sheet])).toEqual([["info.version_not_for_setup", "Thông tin"]]);
  });

  it("400 for more than 52 attribute and plan flag labels (the bits of a commune row); 400 for a body of neither version", async () => {
    await applySetup(2034, tinySetup(2034));
    const [a] = TINY;
    const many = Object.fromEntries(upTo(50).map((i) => [`Cờ ${i}`, false]));
    const commune = { ...unitCommune(a, [1], upTo(5)), flags: { ...many, [TARGET]: false, [ADVANCED]: false } };
    const res = await api("/submissions", { body: unitSubmission(2034, a.code, [commune]) });
    expect(res.status).toBe(400);
    expect((await json(res)).error.details.issues).toEqual([
      { path: "communes", code: "too_big", message: "at most 52 attribute and plan flag labels in all (53 given)" },
    ]);
    const neither = await api("/submissions", { body: { ...tinyBodies(2034)[0], templateVersion: "NTM-3" } });
    expect(neither.status).toBe(400);
    expect((await json(neither)).error.details.issues.map((i: { path: string }) => i.path)).toEqual(["templateVersion"]);
  });
});
