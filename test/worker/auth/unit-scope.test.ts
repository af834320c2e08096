import { describe, expect, it } from "vitest";
import { LANG_SON_DISTRICTS } from "../../../shared/reference/districts.ts";
import { checkSetup } from "../../../shared/setup/check-setup.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import type { SetupJson } from "../../../shared/setup/schema.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import { requireOwnUnit, requireUnitOfSetup } from "../../../worker/auth/unit-scope.ts";
import type { Principal } from "../../../worker/env.ts";
import type { HttpError } from "../../../worker/http/errors.ts";
import { api, applySetup, commune, communeSetup, counts, createToken, districtSetup, json, submission } from "../helpers.ts";

/** A unit token acts for its own unit, in a year whose setup lists it (docs/setup.md). */

const unit = (code: string): Principal => ({ role: "unit", unit: code, label: `Đơn vị ${code}`, tokenId: "t" });
const office: Principal = { role: "office", unit: null, label: "VP", tokenId: "o" };
const admin: Principal = { role: "admin", unit: null, label: "QT", tokenId: null };
const outcome = (check: () => void) => {
  try {
    check();
    return "ok";
  } catch (e) {
    return `${(e as HttpError).status} ${(e as HttpError).code}`;
  }
};
const typed = (json: SetupJson): Setup => {
  const r = checkSetup(json, json.year);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

/** 2097: the districts without 183 (say, merged away); 2098: three communes at level xã. */
const WITHOUT_183 = districtSetup(2097, {
  units: LANG_SON_DISTRICTS.filter((d) => d.code !== "183").map((d) => ({
    code: d.code,
    name: d.name,
    attributes: { "Huyện biên giới": d.border },
  })),
});

describe("requireOwnUnit, requireUnitOfSetup", () => {
  it("a unit token: its own unit only (403 auth.forbidden), and a unit of the year's setup (403 unit.not_in_setup)", () => {
    const y2097 = typed(WITHOUT_183);
    const y2098 = typed(communeSetup(2098, ["06148", "06151", "06157"]));
    expect(outcome(() => requireOwnUnit(unit("180"), "180"))).toBe("ok");
    expect(outcome(() => requireOwnUnit(unit("180"), "181"))).toBe("403 auth.forbidden");
    expect(outcome(() => requireUnitOfSetup(unit("180"), y2097))).toBe("ok");
    expect(outcome(() => requireUnitOfSetup(unit("183"), y2097))).toBe("403 unit.not_in_setup");
    expect(outcome(() => requireUnitOfSetup(unit("06151"), y2098))).toBe("ok");
    expect(outcome(() => requireUnitOfSetup(unit("06151"), y2097))).toBe("403 unit.not_in_setup");
    expect(outcome(() => requireUnitOfSetup(unit("180"), y2098))).toBe("403 unit.not_in_setup");
  });

  it("the built-in setup lists the reference districts; office and admin are never limited", () => {
    const y2018 = builtInSetup(2018)!;
    expect(outcome(() => requireUnitOfSetup(unit("183"), y2018))).toBe("ok");
    expect(outcome(() => requireUnitOfSetup(unit("06148"), y2018))).toBe("403 unit.not_in_setup");
    for (const p of [office, admin]) {
      expect(outcome(() => requireOwnUnit(p, "183"))).toBe("ok");
      expect(outcome(() => requireUnitOfSetup(p, typed(WITHOUT_183)))).toBe("ok");
    }
  });
});

describe("POST /submissions with a unit token", () => {
  it("403 unit.not_in_setup for a year whose setup no longer lists the unit, nothing stored; 201 for a listed one", async () => {
    await applySetup(2097, WITHOUT_183);
    const t183 = await createToken("unit", "183");
    const before = await counts();
    const refused = await api("/submissions", {
      token: t183.token,
      body: submission("183", 2097, [commune("06121", "Xã A", [1], [1, 2])]),
    });
    expect(refused.status).toBe(403);
    expect((await json(refused)).error).toEqual({
      code: "unit.not_in_setup",
      message: "Đơn vị 183 không có trong cấu hình năm 2097; mã truy cập này không thể nộp cho năm đó.",
      messageEn: "Unit 183 is not a unit of the 2097 setup; this token cannot submit for that year.",
    });
    expect(await counts()).toEqual(before);
    const t180 = await createToken("district", "180");
    const ok = await api("/submissions", { token: t180.token, body: submission("180", 2097, [commune("06001", "Xã B", [1], [1, 2])]) });
    expect(ok.status).toBe(201);
    expect(await json(ok)).toMatchObject({ district: "180", unit: "180", round: "plan", revision: 1 });
  });

  it("a year without any setup: 404 setup.missing for a unit token and for the office alike, nothing stored", async () => {
    const t183 = await createToken("unit", "183");
    const before = await counts();
    for (const token of [t183.token, undefined]) {
      const res = await api("/submissions", { token, body: submission("183", 2099, [commune("06121", "Xã A", [1], [1, 2])]) });
      expect(res.status).toBe(404);
      expect((await json(res)).error.code).toBe("setup.missing");
    }
    expect(await counts()).toEqual(before);
  });

  it("another unit's body: 403 auth.forbidden before anything is read, even for a year without a setup", async () => {
    const t180 = await createToken("unit", "180");
    const res = await api("/submissions", { token: t180.token, body: submission("183", 2099, [commune("06121", "Xã A", [1], [1, 2])]) });
    expect(res.status).toBe(403);
    expect((await json(res)).error.code).toBe("auth.forbidden");
  });

  it("the same 183 token still submits for 2018 (built in) and lists its own revisions of every year", async () => {
    const t = await createToken("unit", "183");
    expect(
      (await api("/submissions", { token: t.token, body: submission("183", 2018, [commune("06121", "Xã A", [1], [1, 2])]) })).status,
    ).toBe(201);
    const list = await json(await api("/submissions", { token: t.token }));
    expect(list.submissions.map((r: { unit: string; year: number; round: string }) => [r.unit, r.year, r.round])).toEqual([
      ["183", 2018, "plan"],
    ]);
  });
});

describe("GET /submissions filters: unit (district its older name) and round", () => {
  it("unit=, district=, round= filter; a bad value or both names 400; another unit's filter 403 for a unit token", async () => {
    await api("/submissions", { body: submission("185", 2018, [commune("06500", "Xã C", [1], [1, 2])]) });
    const rows = async (q: string) =>
      (await json(await api(`/submissions?${q}`))).submissions.map((r: { district: string; unit: string; round: string }) => [
        r.unit,
        r.district,
        r.round,
      ]);
    expect(await rows("year=2018&unit=185")).toEqual([["185", "185", "plan"]]);
    expect(await rows("year=2018&district=185&round=plan")).toEqual([["185", "185", "plan"]]);
    expect(await rows("year=2018&unit=185&round=result")).toEqual([]);
    expect(await rows("unit=06148")).toEqual([]);
    for (const q of ["unit=1850", "district=06148", "unit=185&district=185", "round=draft"]) {
      const res = await api(`/submissions?${q}`);
      expect([q, res.status]).toEqual([q, 400]);
      expect((await json(res)).error.code).toBe("request.malformed");
    }
    const t = await createToken("unit", "183");
    expect((await api("/submissions?unit=185", { token: t.token })).status).toBe(403);
  });
});
