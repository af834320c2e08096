import { describe, expect, it } from "vitest";
import { reportSchema } from "../../../shared/schemas/report.ts";
import { api, applySetup, commune, createToken, db, json, range, submission } from "../helpers.ts";

describe("GET /reports/:year", () => {
  it("exact figures from the LATEST revision of each district (two small submissions)", async () => {
    await applySetup(2070);
    const t183 = await createToken("unit", "183");
    const t180 = await createToken("unit", "180");
    // A first 183 revision that the second one replaces: it must not count.
    await api("/submissions", {
      token: t183.token,
      body: submission("183", 2070, [commune("06121", "Xã Hợp Thành", [1], [1, 2, 3, 4, 5])]),
    });
    await api("/submissions", {
      token: t183.token,
      body: submission(
        "183",
        2070,
        [
          commune("06121", "Xã Hợp Thành", range(1, 19), range(1, 19), { flags: { border: true } }),
          commune("06118", "Xã Tân Liên", range(1, 9), range(1, 12)),
        ],
        { central: 1000, local: 500, credit: 2500500 },
      ),
    });
    await api("/submissions", {
      token: t180.token,
      body: submission("180", 2070, [commune("06001", "Xã Hùng Sơn", range(1, 4), range(1, 5), { flags: { border: true } })], {
        integrated: 200000,
        community: 300,
      }),
    });

    const office = await createToken("office");
    const res = await api("/reports/2070", { token: office.token });
    expect(res.status).toBe(200);
    const report = reportSchema.parse(await json(res));
    expect(report.year).toBe(2070);
    // The plan round now: its cut is the last action (the office token's creation), no deadline, 2 of 11 in.
    const last = await db
      .prepare("SELECT seq, at_ms, action FROM audit_log ORDER BY seq DESC LIMIT 1")
      .first<{ seq: number; at_ms: number }>();
    expect(last).toMatchObject({ action: "token.create" });
    expect(report.round).toBe("plan");
    expect(report.cut).toEqual({ asOf: new Date(last!.at_ms).toISOString(), seq: last!.seq, accepted: false });
    expect(report.deadline).toBeNull();
    expect(report.completeness).toEqual({ expected: 11, submitted: 2, onTime: 2, accepted: 0 });
    expect(report.criteriaSet).toEqual({ id: "2016-2020", size: 19 });
    expect(report.level).toBe("huyện");

    expect(report.overview).toEqual({ communes: 3, ntm: { baseline: 1, plan: 1, added: 0 }, avgCriteria: { baseline: 10.67, plan: 12 } });
    expect(report.bands.map(({ label: _label, ...b }) => b)).toEqual([
      { band: "19", baseline: 1, plan: 1, planPercent: 33.3 },
      { band: "15-18", baseline: 0, plan: 0, planPercent: 0 },
      { band: "10-14", baseline: 0, plan: 1, planPercent: 33.3 },
      { band: "5-9", baseline: 1, plan: 1, planPercent: 33.3 },
      { band: "<5", baseline: 1, plan: 0, planPercent: 0 },
    ]);
    const crit = (n: number) => report.criteria.find((c) => c.number === n);
    expect(report.criteria).toHaveLength(19);
    expect(crit(1)).toEqual({ number: 1, name: "Quy hoạch", baseline: 3, plan: 3, added: 0, planPercent: 100 });
    expect(crit(5)).toEqual({ number: 5, name: "Trường học", baseline: 2, plan: 3, added: 1, planPercent: 100 });
    expect(crit(10)).toEqual({ number: 10, name: "Thu nhập", baseline: 1, plan: 2, added: 1, planPercent: 66.7 });
    expect(crit(13)).toEqual({ number: 13, name: "Tổ chức sản xuất", baseline: 1, plan: 1, added: 0, planPercent: 33.3 });
    expect(report.groups.find((g) => g.group === "border")).toEqual({
      group: "border",
      label: "Xã biên giới",
      communes: 2,
      avgCriteria: { baseline: 11.5, plan: 12 },
    });
    expect(report.groups.find((g) => g.group === "pilotDifficult")).toEqual({
      group: "pilotDifficult",
      label: "Xã điểm đặc biệt khó khăn",
      communes: 0,
      avgCriteria: { baseline: null, plan: null },
    });

    const source = (k: string) => report.capital.sources.find((s) => s.key === k);
    expect(report.capital.unit).toBe("million VND");
    // Keys are the STT of the setup's capital rows (the 2018 list): 1 = 1.1 + 1.2 (direct), 4 credit, ...
    expect(report.capital.sources.map((s) => s.key)).toEqual(["1", "1.1", "1.2", "2", "3", "4", "5", "6", "total"]);
    expect(source("total")).toMatchObject({ key: "total", amount: 2702.3, percent: 100 });
    expect(source("1")).toMatchObject({ key: "1", amount: 1.5, percent: 0.1 });
    expect(source("4")).toMatchObject({ key: "4", amount: 2500.5, percent: 92.5 });
    expect(source("2")).toMatchObject({ key: "2", amount: 200, percent: 7.4 });
    expect(source("5")).toMatchObject({ key: "5", amount: 0.3, percent: 0 });
    expect(report.capital.byUnit.find((d) => d.code === "183")?.amounts).toMatchObject({
      "1.1": 1,
      "1.2": 0.5,
      "1": 1.5,
      "4": 2500.5,
      total: 2502,
    });
    expect(report.capital.byUnit.find((d) => d.code === "180")?.amounts).toMatchObject({
      "2": 200,
      "5": 0.3,
      total: 200.3,
    });

    const d = (code: string) => report.units.find((x) => x.code === code);
    expect(report.units).toHaveLength(11);
    expect(d("183")).toEqual({
      code: "183",
      name: "Huyện Cao Lộc",
      level: "huyện",
      templateVersion: "NTM-1",
      listed: true,
      status: "submitted",
      daysLate: 0,
      revision: 2,
      submittedAt: expect.stringMatching(/Z$/),
      submittedBy: t183.label,
      preparedBy: "Nguyễn Văn A",
      phone: "0205 3812 345",
      communes: 2,
      ntmPlan: 1,
      avgCriteriaPlan: 15.5,
      capitalTotal: 2502,
    });
    expect(d("180")).toMatchObject({
      status: "submitted",
      revision: 1,
      submittedBy: t180.label,
      communes: 1,
      ntmPlan: 0,
      avgCriteriaPlan: 5,
      capitalTotal: 200.3,
    });
    expect(d("178")).toEqual({
      code: "178",
      name: "Thành phố Lạng Sơn",
      level: "huyện",
      templateVersion: null,
      listed: true,
      status: "missing",
      daysLate: null,
      revision: null,
      submittedAt: null,
      submittedBy: null,
      preparedBy: null,
      phone: null,
      communes: 0,
      ntmPlan: 0,
      avgCriteriaPlan: null,
      capitalTotal: 0,
    });
  });

  it("a year with no submissions: 200, every district missing, no guessed figures", async () => {
    await applySetup(2071);
    const res = await api("/reports/2071");
    expect(res.status).toBe(200);
    const report = reportSchema.parse(await json(res));
    expect(report.units.map((x) => x.status)).toEqual(Array(11).fill("missing"));
    expect(report.overview).toEqual({ communes: 0, ntm: { baseline: 0, plan: 0, added: 0 }, avgCriteria: { baseline: null, plan: null } });
    expect(report.bands.every((b) => b.planPercent === null)).toBe(true);
  });

  it("a built-in year (2016-2020) needs no setup step: 200 with the 11 reference districts", async () => {
    const report = reportSchema.parse(await json(await api("/reports/2016")));
    expect(report.units.map((u) => u.code)).toEqual(["178", "180", "181", "182", "183", "184", "185", "186", "187", "188", "189"]);
    expect(report.criteriaSet).toEqual({ id: "2016-2020", size: 19 });
  });

  it("404 setup.missing for a year outside 2016-2020 with no applied setup, saying how to apply one", async () => {
    const res = await api("/reports/2072");
    expect(res.status).toBe(404);
    const { error } = await json(res);
    expect(error.code).toBe("setup.missing");
    expect(error.message).toContain("ntm setup apply");
    expect(error.messageEn).toBe(
      "The year 2072 has no setup. An administrator applies one with `ntm setup apply <file.xlsx>` (the Thiết lập workbook).",
    );
  });

  it("400 for a year that is not a 4-digit plan year", async () => {
    for (const y of ["18", "20x8", "1999", "99999"]) {
      const res = await api(`/reports/${y}`);
      expect(res.status).toBe(400);
      expect((await json(res)).error.code).toBe("request.malformed");
    }
  });

  it("401 without a token; a revoked token cannot read it", async () => {
    expect((await api("/reports/2070", { token: null })).status).toBe(401);
    const t = await createToken("unit", "189");
    await api(`/tokens/${t.id}`, { method: "DELETE" });
    expect((await api("/reports/2070", { token: t.token })).status).toBe(401);
  });
});
