import { describe, expect, it } from "vitest";
import { reportSchema } from "../../../shared/schemas/report.ts";
import { api, commune, createToken, json, range, submission } from "../helpers.ts";

describe("GET /reports/:year", () => {
  it("exact figures from the LATEST revision of each district (two small submissions)", async () => {
    const t183 = await createToken("district", "183");
    const t180 = await createToken("district", "180");
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
    expect(report.templateVersion).toBe("NTM-1");

    expect(report.overview).toEqual({ communes: 3, ntm: { baseline: 1, plan: 1, added: 0 }, avgCriteria: { baseline: 10.67, plan: 12 } });
    expect(report.bands).toEqual([
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
      communes: 2,
      avgCriteria: { baseline: 11.5, plan: 12 },
    });
    expect(report.groups.find((g) => g.group === "pilotDifficult")).toEqual({
      group: "pilotDifficult",
      communes: 0,
      avgCriteria: { baseline: null, plan: null },
    });

    const source = (k: string) => report.capital.sources.find((s) => s.key === k);
    expect(report.capital.unit).toBe("million VND");
    expect(report.capital.sources.map((s) => s.key)).toEqual([
      "direct",
      "central",
      "local",
      "integrated",
      "enterprise",
      "credit",
      "community",
      "other",
      "total",
    ]);
    expect(source("total")).toEqual({ key: "total", amount: 2702.3, percent: 100 });
    expect(source("direct")).toEqual({ key: "direct", amount: 1.5, percent: 0.1 });
    expect(source("credit")).toEqual({ key: "credit", amount: 2500.5, percent: 92.5 });
    expect(source("integrated")).toEqual({ key: "integrated", amount: 200, percent: 7.4 });
    expect(source("community")).toEqual({ key: "community", amount: 0.3, percent: 0 });
    expect(report.capital.byDistrict.find((d) => d.code === "183")?.amounts).toMatchObject({
      central: 1,
      local: 0.5,
      direct: 1.5,
      credit: 2500.5,
      total: 2502,
    });
    expect(report.capital.byDistrict.find((d) => d.code === "180")?.amounts).toMatchObject({
      integrated: 200,
      community: 0.3,
      total: 200.3,
    });

    const d = (code: string) => report.districts.find((x) => x.code === code);
    expect(report.districts).toHaveLength(11);
    expect(d("183")).toEqual({
      code: "183",
      name: "Huyện Cao Lộc",
      status: "submitted",
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
      status: "missing",
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
    const res = await api("/reports/2071");
    expect(res.status).toBe(200);
    const report = reportSchema.parse(await json(res));
    expect(report.districts.map((x) => x.status)).toEqual(Array(11).fill("missing"));
    expect(report.overview).toEqual({ communes: 0, ntm: { baseline: 0, plan: 0, added: 0 }, avgCriteria: { baseline: null, plan: null } });
    expect(report.bands.every((b) => b.planPercent === null)).toBe(true);
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
    const t = await createToken("district", "189");
    await api(`/tokens/${t.id}`, { method: "DELETE" });
    expect((await api("/reports/2070", { token: t.token })).status).toBe(401);
  });
});
