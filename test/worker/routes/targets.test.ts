import { beforeAll, describe, expect, it } from "vitest";
import { buildPlan2018 } from "../../../cli/demo/plan-2018.ts";
import { reportSchema } from "../../../shared/schemas/report.ts";
import type { Principal } from "../../../worker/env.ts";
import { submitRevision } from "../../../worker/submissions/submit.ts";
import { api, applySetup, count, createToken, db, json } from "../helpers.ts";
import { TINY, tinyBodies, tinySetup } from "../unit-fixtures.ts";

/**
 * GET and PUT /api/v1/targets/:year (cycle.md "Targets"): stored with the audit row `targets`
 * in one batch, 422 `targets.invalid` with each issue at its cell, 404 without a setup; the report
 * carries `targets` and `unitTargets` from the cut on which they were applied; the 2018 targets
 * against the eleven 2018 district plans.
 */
const ADMIN: Principal = { role: "admin", unit: null, label: "ADMIN_TOKEN", tokenId: null };
const [A, B, C] = TINY;
let office: { token: string; label: string; id: string };

beforeAll(async () => {
  for (const year of [2061, 2062, 2063]) await applySetup(year, tinySetup(year));
  office = await createToken("office");
});

async function put(year: number, body: unknown, token = office.token) {
  const res = await api(`/targets/${year}`, { token, method: "PUT", body });
  return { status: res.status, body: await json(res) };
}

async function report(year: number, query = "") {
  const res = await api(`/reports/${year}${query}`, { token: office.token });
  expect(res.status).toBe(200);
  const body = await json(res);
  expect(reportSchema.safeParse(body).success).toBe(true);
  return body;
}

async function storeTiny(year: number) {
  for (const [i, body] of tinyBodies(year).entries()) {
    const r = await submitRevision(db, ADMIN, body, new Date(Date.UTC(year, 1, 1 + i)));
    expect(r.status).toBe(201);
  }
}

describe("PUT and GET /targets/:year", () => {
  it("GET: none yet; PUT stores them (bands by their setup key, codes padded) with one audit row `targets`; GET answers them", async () => {
    const year = 2061;
    expect(await json(await api(`/targets/${year}`, { token: office.token }))).toEqual({ year, targets: null, setAt: null, setBy: null });
    const audit = await count("audit_log");
    const r = await put(year, {
      year,
      province: { ntm: 1, "band:Đạt 8-9 tiêu chí": 1, "capital:total": 2670.5 },
      units: { [A.code]: { "criterion:10": 1 } },
    });
    expect(r.status).toBe(200);
    const stored = { year, province: { ntm: 1, "band:8-9": 1, "capital:total": 2670.5 }, units: { [A.code]: { "criterion:10": 1 } } };
    expect(r.body).toMatchObject({ year, targets: stored, setBy: office.label });
    expect(await count("audit_log")).toBe(audit + 1);
    const entry = await db
      .prepare(
        "SELECT a.seq, a.action, a.year, a.detail, t.seq AS tseq FROM audit_log a JOIN targets t ON t.seq = a.seq ORDER BY a.seq DESC LIMIT 1",
      )
      .first<Record<string, unknown>>();
    expect(entry).toEqual({
      seq: entry!.tseq,
      action: "targets",
      year,
      detail: JSON.stringify({ province: 3, units: 1 }),
      tseq: entry!.tseq,
    });
    const got = await json(await api(`/targets/${year}`, { token: office.token }));
    expect(got).toEqual(r.body);
  });

  it("422 targets.invalid with every issue at its cell, nothing stored; 404 without a setup; 400 for a wrong shape", async () => {
    const year = 2062;
    const before = { targets: await count("targets"), audit: await count("audit_log") };
    const r = await put(year, {
      year,
      province: { ntm: -1, "criterion:11": 2, "band:19": 1, "capital:9": 1, "capital:1": 0.0005 },
      units: { "99999": { ntm: 1 }, [B.code]: { "criterion:2": 1.5 } },
      source: {
        "province/ntm": { sheet: "Chỉ tiêu tỉnh", cell: "B5" },
        "province/criterion:11": { sheet: "Chỉ tiêu tỉnh", cell: "B6" },
        "province/band:19": { sheet: "Chỉ tiêu tỉnh", cell: "B7" },
        "province/capital:9": { sheet: "Chỉ tiêu tỉnh", cell: "B8" },
        "province/capital:1": { sheet: "Chỉ tiêu tỉnh", cell: "B9" },
        "units/99999": { sheet: "Chỉ tiêu đơn vị", cell: "A4" },
        [`units/${B.code}/criterion:2`]: { sheet: "Chỉ tiêu đơn vị", cell: "E5" },
      },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("targets.invalid");
    expect(r.body.error.details.issues.map((i: { code: string; sheet: string; cell: string }) => `${i.code}@${i.sheet}!${i.cell}`)).toEqual(
      [
        "targets.count_invalid@Chỉ tiêu tỉnh!B5",
        "targets.key_not_in_setup@Chỉ tiêu tỉnh!B6",
        "targets.key_not_in_setup@Chỉ tiêu tỉnh!B7",
        "targets.key_not_in_setup@Chỉ tiêu tỉnh!B8",
        "targets.amount_invalid@Chỉ tiêu tỉnh!B9",
        "targets.unit_unknown@Chỉ tiêu đơn vị!A4",
        "targets.count_invalid@Chỉ tiêu đơn vị!E5",
      ],
    );
    const mismatch = await put(year, { year: 2063, province: {} });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error.details.issues.map((i: { code: string }) => i.code)).toEqual(["targets.year_mismatch"]);
    expect((await put(2099, { year: 2099, province: { ntm: 1 } })).body.error.code).toBe("setup.missing");
    const shape = await put(year, { year, province: { ntm: "48" } });
    expect(shape.status).toBe(400);
    expect(shape.body.error.code).toBe("request.malformed");
    expect({ targets: await count("targets"), audit: await count("audit_log") }).toEqual(before);
  });
});

describe("the report with targets", () => {
  it("a report as of a cut before and after a targets change differs only in its targets (and cut)", async () => {
    const year = 2063;
    await storeTiny(year);
    const plain = await report(year);
    expect(plain.targets).toBeUndefined();
    expect(plain.unitTargets).toBeUndefined();
    const first = await put(year, {
      year,
      province: { ntm: 1, "band:10": 1, "band:8-9": 1, "band:<5": 0, "criterion:6": 3, "capital:total": 2670.5, "capital:2": 370.5 },
      units: { [C.code]: { "criterion:1": 1, ntm: 1 } },
    });
    expect(first.status).toBe(200);
    const afterFirst = await report(year);
    expect(afterFirst.targets).toEqual([
      { key: "ntm", label: "Số xã đạt chuẩn NTM", target: 1, plan: 1, gap: 0, met: true },
      { key: "band:10", label: "Đạt 10 tiêu chí", target: 1, plan: 1, gap: 0, met: true },
      { key: "band:8-9", label: "Đạt 8-9 tiêu chí", target: 1, plan: 1, gap: 0, met: true },
      { key: "band:<5", label: "Dưới 5 tiêu chí", target: 0, plan: 0, gap: 0, met: true },
      { key: "criterion:6", label: expect.stringMatching(/^TC6 - /), target: 3, plan: 2, gap: -1, met: false },
      { key: "capital:total", label: "Tổng vốn (triệu đồng)", target: 2670.5, plan: 2670.5, gap: 0, met: true },
      { key: "capital:2", label: "Vốn 2 - Ngân sách địa phương (triệu đồng)", target: 370.5, plan: 370.5, gap: 0, met: true },
    ]);
    expect(afterFirst.unitTargets).toEqual([
      {
        unit: C.code,
        targets: [
          { key: "ntm", label: "Số xã đạt chuẩn NTM", target: 1, plan: 0, gap: -1, met: false },
          { key: "criterion:1", label: expect.stringMatching(/^TC1 - /), target: 1, plan: 1, gap: 0, met: true },
        ],
      },
    ]);
    const rest = (r: Record<string, unknown>) => {
      const { generatedAt: _g, cut: _c, targets: _t, unitTargets: _u, ...others } = r;
      return others;
    };
    expect(rest(afterFirst)).toEqual(rest(plain));
    // The report as of the first targets' cut keeps them after a change; now it has the new ones.
    expect((await put(year, { year, province: { ntm: 2 } })).status).toBe(200);
    const now = await report(year);
    expect(now.targets).toEqual([{ key: "ntm", label: "Số xã đạt chuẩn NTM", target: 2, plan: 1, gap: -1, met: false }]);
    expect(now.unitTargets).toBeUndefined();
    const asOfFirst = await report(year, `?asOf=${encodeURIComponent(afterFirst.cut.asOf)}`);
    expect(asOfFirst.targets).toEqual(afterFirst.targets);
    expect(rest(asOfFirst)).toEqual(rest(now));
    const asOfPlain = await report(year, `?asOf=${encodeURIComponent(plain.cut.asOf)}`);
    expect(asOfPlain.targets).toBeUndefined();
    expect(rest(asOfPlain)).toEqual(rest(now));
  });

  it("2018: the seed's stated figures as targets, the eleven district plans submitted: every target met, gap 0", async () => {
    for (const [i, s] of buildPlan2018().entries()) {
      const r = await submitRevision(db, ADMIN, s, new Date(Date.UTC(2018, 1, 1 + i)));
      expect(r.status).toBe(201);
    }
    const criteria = [58, 151, 115, 54, 52, 168, 61, 106, 58, 64, 207, 90, 187, 107, 90, 53, 55, 186];
    const province: Record<string, number> = {
      ntm: 48,
      "band:19": 48,
      "band:15-18": 2,
      "band:10-14": 29,
      "band:5-9": 128,
      "band:<5": 0,
      ...Object.fromEntries(criteria.map((n, i) => [`criterion:${i + 2}`, n])),
      "capital:total": 2_526_400,
      "capital:1": 437_100,
      "capital:1.1": 273_800,
      "capital:1.2": 163_300,
      "capital:2": 229_300,
      "capital:3": 35_000,
      "capital:4": 1_700_000,
      "capital:5": 120_000,
      "capital:6": 5_000,
    };
    expect((await put(2018, { year: 2018, province })).status).toBe(200);
    const r = await report(2018);
    expect(r.targets).toHaveLength(33);
    expect(r.targets.filter((t: { met: boolean; gap: number }) => !t.met || t.gap !== 0)).toEqual([]);
    expect(Object.fromEntries(r.targets.map((t: { key: string; plan: number }) => [t.key, t.plan]))).toEqual(province);
  });
});
