import { describe, expect, it } from "vitest";
import { BUILT_IN_SETS } from "../../../shared/setup/criteria-sets.ts";
import { DEFAULT_CAPITAL_ROWS } from "../../../shared/setup/defaults.ts";
import { MAX_BODY_BYTES } from "../../../worker/http/body.ts";
import { api, communeSetup, countedCall, createToken, db, districtSetup, json, largeCommuneSetup } from "../helpers.ts";

/** GET/PUT /api/v1/setup/:year and GET /api/v1/criteria-sets (docs/setup.md "Commands and API"). */

const setupRows = async () => (await db.prepare("SELECT count(*) AS n FROM setups").first<{ n: number }>())?.n ?? 0;
const put = (year: number, body: unknown, token?: string) => api(`/setup/${year}`, { method: "PUT", body, ...(token ? { token } : {}) });

describe("GET /setup/:year", () => {
  it("a year 2016-2020 answers its built-in setup to any valid token: version, appliedAt and appliedBy null", async () => {
    const unit = await createToken("unit", "183");
    const res = await api("/setup/2018", { token: unit.token });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ year: 2018, version: null, origin: "builtin", appliedAt: null, appliedBy: null });
    expect(body.setup).toMatchObject({
      year: 2018,
      level: "huyện",
      communes: null,
      planFlags: [],
      capitalRows: DEFAULT_CAPITAL_ROWS,
      deadlines: { plan: null, result: null },
    });
    expect(body.setup.criteriaSet.id).toBe("2016-2020");
    expect(body.setup.criteriaSet.criteria).toHaveLength(19);
    expect(body.setup.units[0]).toEqual({ code: "178", name: "Thành phố Lạng Sơn", attributes: { "Huyện biên giới": false } });
    expect(body.setup).not.toHaveProperty("origin");
  });

  it("404 setup.missing for any other year without an applied setup, saying how to apply one", async () => {
    const res = await api("/setup/2027");
    expect(res.status).toBe(404);
    expect((await json(res)).error).toEqual({
      code: "setup.missing",
      message: "Năm 2027 chưa có cấu hình. Quản trị viên áp dụng cấu hình bằng lệnh `ntm setup apply <tệp.xlsx>` (bảng Thiết lập).",
      messageEn: "The year 2027 has no setup. An administrator applies one with `ntm setup apply <file.xlsx>` (the Thiết lập workbook).",
    });
  });

  it("400 for a bad year or asOf; 401 without a token", async () => {
    expect((await api("/setup/27")).status).toBe(400);
    expect((await api("/setup/2018?asOf=yesterday")).status).toBe(400);
    expect((await api("/setup/2018?asOf=2018-13-45T00:00:00Z")).status).toBe(400);
    expect((await api("/setup/2018", { token: null })).status).toBe(401);
  });
});

describe("PUT /setup/:year", () => {
  it("201 version 1 applied by the token's label; GET answers it; the same again 200 deduplicated; a change 201 version 2", async () => {
    const admin = await createToken("admin");
    const body = communeSetup(2027, ["06148", "06151", "06157"]);
    const first = await put(2027, body, admin.token);
    expect(first.status).toBe(201);
    const applied = await json(first);
    expect(applied).toEqual({
      year: 2027,
      version: 1,
      origin: "applied",
      appliedAt: expect.stringMatching(/^2\d{3}-\d\d-\d\dT.*Z$/),
      appliedBy: admin.label,
      deduplicated: false,
      warnings: [],
    });

    const got = await json(await api("/setup/2027"));
    expect(got).toMatchObject({ year: 2027, version: 1, origin: "applied", appliedAt: applied.appliedAt, appliedBy: admin.label });
    expect(got.setup.level).toBe("xã");
    expect(got.setup.criteriaSet).toEqual({ ...BUILT_IN_SETS[2], criteria: BUILT_IN_SETS[2]!.criteria, bands: BUILT_IN_SETS[2]!.bands });
    expect(got.setup.communes).toEqual([
      { code: "06148", name: "Xã 06148", unit: "06148", group: 1, attributes: {}, formerCodes: [] },
      { code: "06151", name: "Xã 06151", unit: "06151", group: 2, attributes: {}, formerCodes: [] },
      { code: "06157", name: "Xã 06157", unit: "06157", group: 3, attributes: {}, formerCodes: [] },
    ]);

    const again = await put(2027, got.setup);
    expect(again.status).toBe(200);
    expect(await json(again)).toMatchObject({ version: 1, deduplicated: true, appliedAt: applied.appliedAt, appliedBy: admin.label });

    const changed = await put(2027, { ...body, planFlags: ["Xã nông thôn mới nâng cao"] });
    expect(changed.status).toBe(201);
    expect(await json(changed)).toMatchObject({ version: 2, deduplicated: false, appliedBy: "ADMIN_TOKEN" });
    expect((await json(await api("/setup/2027"))).setup.planFlags).toEqual(["Xã nông thôn mới nâng cao"]);
    // The earlier version stays: asOf its moment answers it.
    const asOf = await json(await api(`/setup/2027?asOf=${encodeURIComponent(applied.appliedAt)}`));
    expect([asOf.version, asOf.setup.planFlags]).toEqual([1, []]);
  });

  it("422 setup.invalid with every issue, nothing stored: a unit twice, a commune of an unknown unit", async () => {
    const before = await setupRows();
    const bad = districtSetup(2028);
    bad.units = [...bad.units, { code: "183", name: "Huyện Cao Lộc", attributes: {} }];
    bad.communes = [{ code: "06148", name: "Xã Thử", unit: "999", group: null, attributes: {}, formerCodes: [] }];
    const res = await put(2028, bad);
    expect(res.status).toBe(422);
    const { error } = await json(res);
    expect(error.code).toBe("setup.invalid");
    expect(error.messageEn).toBe("The setup has errors and was not applied. Fix the listed errors and apply it again.");
    const errors = error.details.issues.filter((i: { severity: string }) => i.severity === "error");
    expect(errors.map((i: { code: string }) => i.code)).toEqual(["setup.unit_duplicate", "setup.commune_unit_unknown"]);
    // Warnings travel with the errors (here: the districts the one commune leaves without communes).
    expect(error.details.issues).toHaveLength(2 + 11);
    expect(await setupRows()).toBe(before);
    expect((await api("/setup/2028")).status).toBe(404);
  });

  it("422 for a setup of another year than the path's, and for a body of the wrong shape; 400 for a body that is not JSON", async () => {
    const mismatch = await put(2029, districtSetup(2030));
    expect(mismatch.status).toBe(422);
    expect((await json(mismatch)).error.details.issues.map((i: { code: string }) => i.code)).toEqual(["setup.year_mismatch"]);
    const shape = await put(2029, { year: 2029, units: "none" });
    expect(shape.status).toBe(422);
    expect((await json(shape)).error.details.issues.every((i: { code: string }) => i.code === "setup.shape_invalid")).toBe(true);
    const notJson = await api("/setup/2029", { method: "PUT", body: "{year:", headers: { "content-type": "application/json" } });
    expect(notJson.status).toBe(400);
    expect((await json(notJson)).error.code).toBe("request.malformed");
  });

  it("warnings come back with the stored version (a commune without a group under 2026-2030)", async () => {
    const body = communeSetup(2041, ["06148", "06151"]);
    body.communes![1]!.group = null;
    const res = await put(2041, body);
    expect(res.status).toBe(201);
    expect((await json(res)).warnings.map((w: { code: string; severity: string }) => [w.code, w.severity])).toEqual([
      ["setup.group_missing", "warning"],
    ]);
  });

  it("admin only: office and unit tokens get 403 and nothing is stored; 413 for a body over the limit", async () => {
    const before = await setupRows();
    for (const t of [await createToken("office"), await createToken("unit", "183")]) {
      const res = await put(2042, districtSetup(2042), t.token);
      expect(res.status).toBe(403);
      expect((await json(res)).error.code).toBe("auth.forbidden");
    }
    const huge = await api("/setup/2042", {
      method: "PUT",
      body: `{"year":2042,"pad":"${"x".repeat(MAX_BODY_BYTES)}"}`,
      headers: { "content-type": "application/json" },
    });
    expect(huge.status).toBe(413);
    expect(await setupRows()).toBe(before);
  });
});

describe("D1 budget of the setup routes", () => {
  it("PUT of 10,000 communes: a read batch of 3 (the year's revisions) and a write batch of 6 (with its audit row); GET of it: one batch of 3 (the bootstrap admin costs no query)", async () => {
    const put = await countedCall("/setup/2047", { method: "PUT", body: largeCommuneSetup(2047, 10_000) });
    expect(put.res.status).toBe(201);
    expect(put.stats).toEqual({ roundTrips: 2, statements: 9, batches: [3, 6] });
    const got = await countedCall("/setup/2047");
    expect(got.res.status).toBe(200);
    expect(got.stats).toEqual({ roundTrips: 1, statements: 3, batches: [3] });
    expect((await json(got.res)).setup.communes).toHaveLength(10_000);
    const builtIn = await countedCall("/setup/2018");
    expect(builtIn.stats).toEqual({ roundTrips: 1, statements: 5, batches: [5] });
  }, 60_000);
});

describe("GET /criteria-sets", () => {
  it("the three built-in sets in period order, then each custom set an applied setup defined, as last defined", async () => {
    const unit = await createToken("unit", "183");
    const builtIn = await json(await api("/criteria-sets", { token: unit.token }));
    expect(builtIn.criteriaSets.map((s: { id: string; builtIn: boolean; version: number | null }) => [s.id, s.builtIn, s.version])).toEqual(
      [
        ["2016-2020", true, null],
        ["2021-2025", true, null],
        ["2026-2030", true, null],
      ],
    );
    expect(builtIn.criteriaSets[2]).toMatchObject({ decision: "QĐ 51/2025/QĐ-TTg (29/12/2025, hiệu lực 15/02/2026)", communeGroups: true });
    expect(builtIn.criteriaSets[2].criteria).toHaveLength(10);

    const own = {
      ...districtSetup(2043),
      criteriaSet: {
        id: "LS-riêng",
        criteria: [{ number: 1, name: "Quy hoạch", nameEn: "Planning" }],
        bands: [
          { label: "Đạt 1 tiêu chí", min: 1, max: 1 },
          { label: "Chưa đạt", min: 0, max: 0 },
        ],
      },
    };
    expect((await put(2043, own)).status).toBe(201);
    const after = await json(await api("/criteria-sets"));
    expect(after.criteriaSets).toHaveLength(4);
    expect(after.criteriaSets[3]).toEqual({
      id: "LS-riêng",
      decision: null,
      criteria: [{ number: 1, name: "Quy hoạch", nameEn: "Planning" }],
      bands: [
        { key: "1", label: "Đạt 1 tiêu chí", min: 1, max: 1 },
        { key: "0", label: "Chưa đạt", min: 0, max: 0 },
      ],
      communeGroups: false,
      builtIn: false,
      version: 1,
    });
    expect((await api("/criteria-sets", { token: null })).status).toBe(401);
  });
});
