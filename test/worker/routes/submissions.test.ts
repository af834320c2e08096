import { beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../../worker/http/body.ts";
import { api, applySetup, commune, communes, counts, createToken, db, json, submission } from "../helpers.ts";

/** A body 1 MiB over the API's limit (the size contract, shared/limits.ts). */
const OVER_LIMIT = MAX_BODY_BYTES + 1024 * 1024;

/**
 * Each test uses its own plan year so that tests never see each other's revisions. Those years
 * (outside the built-in 2016-2020) get the setup of the 11 districts with the 2016-2020 set, the
 * built-in defaults as an applied setup: a year without a setup answers 404 `setup.missing`.
 */
beforeAll(async () => {
  for (let year = 2040; year <= 2082; year++) await applySetup(year);
});

describe("POST /submissions", () => {
  it("201 with revision 1 for a new district/year; the stored submission reads back with who and when", async () => {
    const t = await createToken("unit", "183");
    const sub = submission(
      "183",
      2040,
      [
        commune("06121", "Xã Hợp Thành", [1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6, 7]),
        commune("06118", "Xã Tân Liên", [1, 2], [1, 2, 3, 4, 5], { flags: { border: true } }),
      ],
      { central: 273800500, credit: 1700000000 },
    );
    const res = await api("/submissions", { token: t.token, body: sub });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body).toEqual({
      id: expect.any(String),
      district: "183",
      unit: "183",
      round: "plan",
      year: 2040,
      revision: 1,
      deduplicated: false,
      submittedAt: expect.any(String),
      warnings: [],
    });

    const read = await api(`/submissions/${body.id}`, { token: t.token });
    expect(read.status).toBe(200);
    const stored = await json(read);
    expect(stored).toMatchObject({
      id: body.id,
      district: "183",
      year: 2040,
      revision: 1,
      latest: true,
      communes: 2,
      submittedBy: t.label,
      preparedBy: "Nguyễn Văn A",
      phone: "0205 3812 345",
    });
    expect(stored.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // Communes come back sorted by code, exactly as sent (flags, criteria, source rows).
    expect(stored.submission).toEqual({ ...sub, communes: [sub.communes[1], sub.communes[0]] });
    expect(stored.submission.capital.central).toBe(273800500);
  });

  it("stores text as NFC", async () => {
    const sub = submission(
      "184",
      2041,
      [commune("06500", "Xã Tràng Phái".normalize("NFD"), [1], [1, 2, 3, 4, 5])],
      {},
      { preparedBy: "Hoàng Thị Đào".normalize("NFD") },
    );
    const { id } = await json(await api("/submissions", { body: sub }));
    const row = await db.prepare("SELECT name FROM submission_communes WHERE submission_id = ?1").bind(id).first<{ name: string }>();
    expect(row?.name).toBe("Xã Tràng Phái".normalize("NFC"));
    const stored = await json(await api(`/submissions/${id}`));
    expect(stored.preparedBy).toBe("Hoàng Thị Đào".normalize("NFC"));
  });

  it("400 with mapped zod issues for a malformed body; nothing stored", async () => {
    const before = await counts();
    const bad = { ...submission("183", 2042, [commune("06121", "Xã A", [1], [1])]), year: "2042" };
    (bad.communes[0] as { code: string }).code = "12";
    const res = await api("/submissions", { body: bad });
    expect(res.status).toBe(400);
    const { error } = await json(res);
    expect(error.code).toBe("request.malformed");
    expect(error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(["communes.0.code", "year"]);
    expect(await counts()).toEqual(before);
  });

  it("403 when a district token submits another district's template; nothing stored", async () => {
    const t = await createToken("unit", "180");
    const before = await counts();
    const res = await api("/submissions", { token: t.token, body: submission("183", 2043, communes("0643", 2)) });
    expect(res.status).toBe(403);
    expect((await json(res)).error.code).toBe("auth.forbidden");
    expect(await counts()).toEqual(before);
  });

  it("422 info.district_unknown for a district not in the reference data", async () => {
    const res = await api("/submissions", { body: submission("999", 2044, communes("0644", 1)) });
    expect(res.status).toBe(422);
    const { error } = await json(res);
    expect(error.code).toBe("submission.invalid");
    expect(error.details.issues.filter((i: { severity: string }) => i.severity === "error").map((i: { code: string }) => i.code)).toContain(
      "info.district_unknown",
    );
  });

  it("422 with the shared rules' issues (duplicate commune code at its cell) and nothing stored", async () => {
    const before = await counts();
    const sub = submission("185", 2045, [commune("06700", "Xã A", [1], [1, 2, 3, 4, 5]), commune("06700", "Xã B", [1], [1, 2, 3, 4, 5])]);
    const res = await api("/submissions", { body: sub });
    expect(res.status).toBe(422);
    const issues = (await json(res)).error.details.issues as { code: string; severity: string; cell: string; commune: string }[];
    expect(issues.filter((i) => i.severity === "error").map((i) => [i.code, i.cell, i.commune])).toEqual([
      ["commune.code_duplicate", "B7", "06700"],
    ]);
    expect(await counts()).toEqual(before);
  });

  it("422 criterion.number_unknown for a criterion outside the 19 of NTM-1 (never stored as bits)", async () => {
    const res = await api("/submissions", { body: submission("185", 2045, [commune("06701", "Xã A", [1], [1, 2, 3, 4, 5, 20])]) });
    expect(res.status).toBe(422);
    const codes = (await json(res)).error.details.issues.map((i: { code: string }) => i.code);
    expect(codes).toContain("criterion.number_unknown");
  });

  it("201 with warnings (border flag in a non-border district) pointing at the flag cell", async () => {
    const sub = submission("181", 2045, [commune("06702", "Xã Thiện Thuật", [1, 2], [1, 2, 3, 4, 5], { flags: { border: true } })]);
    const res = await api("/submissions", { body: sub });
    expect(res.status).toBe(201);
    const { warnings } = await json(res);
    expect(warnings.map((w: { code: string; severity: string; cell: string }) => [w.code, w.severity, w.cell])).toEqual([
      ["flag.border_not_border_district", "warning", "D6"],
    ]);
  });

  it("413 in the error shape for a body over the limit (declared Content-Length)", async () => {
    const big = JSON.stringify({ pad: "x".repeat(OVER_LIMIT) });
    const res = await api("/submissions", { body: big });
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe("body.too_large");
  });

  it("413 for a body over the limit streamed without Content-Length", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= OVER_LIMIT) {
          controller.close();
          return;
        }
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const { SELF } = await import("cloudflare:test");
    const res = await SELF.fetch("http://ntm.test/api/v1/submissions", {
      method: "POST",
      body: stream as never,
      headers: { authorization: "Bearer test-admin-token-0123456789abcdef" },
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe("body.too_large");
  });
});

describe("dedupe", () => {
  it("A, B, A → revisions 1, 2, 3 (only equal to the LATEST revision deduplicates)", async () => {
    const a = submission("186", 2046, communes("0646", 3));
    const b = submission("186", 2046, communes("0646", 3, 1));
    const r1 = await api("/submissions", { body: a });
    const r2 = await api("/submissions", { body: b });
    const r3 = await api("/submissions", { body: a });
    expect([r1.status, r2.status, r3.status]).toEqual([201, 201, 201]);
    expect([(await json(r1)).revision, (await json(r2)).revision, (await json(r3)).revision]).toEqual([1, 2, 3]);
  });

  it("A, A → 200 with the same revision and deduplicated: true; source rows and commune order do not matter", async () => {
    const a = submission("187", 2047, communes("0647", 4));
    const first = await json(await api("/submissions", { body: a }));
    const before = await counts();
    const moved = { ...a, communes: [...a.communes].reverse().map((c, i) => ({ ...c, source: { sheet: "Tiêu chí", row: 40 + i } })) };
    const res = await api("/submissions", { body: moved });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      id: first.id,
      district: "187",
      unit: "187",
      round: "plan",
      year: 2047,
      revision: 1,
      deduplicated: true,
      submittedAt: first.submittedAt,
      warnings: [],
    });
    expect(await counts()).toEqual(before);
  });
});

describe("commune.owned_elsewhere", () => {
  it("409 naming the commune's Mã xã cell when another district's latest revision has the code; nothing stored", async () => {
    await api("/submissions", { body: submission("180", 2048, [commune("06001", "Xã Hùng Sơn", [1], [1, 2, 3, 4, 5])]) });
    const before = await counts();
    const sub = submission("182", 2048, [
      commune("06200", "Xã Hoàng Việt", [1], [1, 2, 3, 4, 5], { row: 6 }),
      commune("06001", "Xã Hùng Sơn", [1], [1, 2, 3, 4, 5], { row: 7 }),
    ]);
    const res = await api("/submissions", { body: sub });
    expect(res.status).toBe(409);
    const { error } = await json(res);
    expect(error.code).toBe("submission.conflict");
    expect(error.details.issues).toEqual([
      {
        code: "commune.owned_elsewhere",
        severity: "error",
        sheet: "Tiêu chí",
        cell: "B7",
        row: 7,
        commune: "06001",
        message: expect.stringContaining("06001"),
        messageEn: expect.stringContaining("180 (Huyện Tràng Định)"),
      },
    ]);
    expect(error.details.issues[0].message).toMatch(/^Mã xã 06001 đã được huyện 180/);
    expect(await counts()).toEqual(before);
  });

  it("without source columns the issue has no cell but still names the commune", async () => {
    await api("/submissions", { body: submission("188", 2049, [commune("06300", "Xã Mẫu Sơn", [1], [1, 2, 3, 4, 5])]) });
    const { source: _s, ...bare } = submission("189", 2049, [commune("06300", "Xã Mẫu Sơn", [1], [1, 2, 3, 4, 5])]);
    const res = await api("/submissions", { body: { ...bare, communes: bare.communes.map(({ source: _c, ...c }) => c) } });
    expect(res.status).toBe(409);
    expect((await json(res)).error.details.issues[0]).toMatchObject({ cell: null, row: null, commune: "06300", sheet: "Tiêu chí" });
  });

  it("a district that corrects a mistaken code releases it; the same code in another YEAR is free", async () => {
    await api("/submissions", { body: submission("181", 2050, [commune("06400", "Xã Nhầm", [1], [1, 2, 3, 4, 5])]) });
    const blocked = await api("/submissions", { body: submission("184", 2050, [commune("06400", "Xã Đúng", [1], [1, 2, 3, 4, 5])]) });
    expect(blocked.status).toBe(409);
    const otherYear = await api("/submissions", { body: submission("184", 2051, [commune("06400", "Xã Đúng", [1], [1, 2, 3, 4, 5])]) });
    expect(otherYear.status).toBe(201);
    const corrected = await api("/submissions", { body: submission("181", 2050, [commune("06401", "Xã Đúng mã", [1], [1, 2, 3, 4, 5])]) });
    expect((await json(corrected)).revision).toBe(2);
    const now = await api("/submissions", { body: submission("184", 2050, [commune("06400", "Xã Đúng", [1], [1, 2, 3, 4, 5])]) });
    expect(now.status).toBe(201);
    const owners = await db.prepare("SELECT code, unit, round FROM commune_owners WHERE year = 2050 ORDER BY code").all();
    expect(owners.results).toEqual([
      { code: "06400", unit: "184", round: "plan" },
      { code: "06401", unit: "181", round: "plan" },
    ]);
  });
});

describe("GET /submissions", () => {
  it("lists revisions newest first with the latest marked; filters by year and district", async () => {
    for (let i = 0; i < 2; i++) await api("/submissions", { body: submission("178", 2052, communes("0652", 2, i)) });
    await api("/submissions", { body: submission("183", 2052, communes("0653", 2)) });
    const res = await api("/submissions?year=2052&district=178");
    expect(res.status).toBe(200);
    const { submissions } = await json(res);
    expect(submissions.map((s: { district: string; revision: number; latest: boolean }) => [s.district, s.revision, s.latest])).toEqual([
      ["178", 2, true],
      ["178", 1, false],
    ]);
    const all = (await json(await api("/submissions?year=2052"))).submissions;
    expect(all.map((s: { district: string }) => s.district)).toEqual(["178", "178", "183"]);
  });

  it("a district token sees only its own district, even without a filter", async () => {
    await api("/submissions", { body: submission("185", 2053, communes("0654", 1)) });
    await api("/submissions", { body: submission("186", 2053, communes("0655", 1)) });
    const t = await createToken("unit", "186");
    const { submissions } = await json(await api("/submissions?year=2053", { token: t.token }));
    expect(submissions.map((s: { district: string }) => s.district)).toEqual(["186"]);
    expect((await api("/submissions?year=2053&district=185", { token: t.token })).status).toBe(403);
  });

  it("400 for a malformed year or district filter", async () => {
    expect((await api("/submissions?year=20x8")).status).toBe(400);
    expect((await api("/submissions?district=abc")).status).toBe(400);
  });
});

describe("GET /submissions/:id", () => {
  it("404 for an unknown id and for another district's revision (a district token cannot probe ids)", async () => {
    const { id } = await json(await api("/submissions", { body: submission("187", 2054, communes("0656", 1)) }));
    const other = await createToken("unit", "188");
    const own = await createToken("unit", "187");
    expect((await api(`/submissions/${id}`, { token: own.token })).status).toBe(200);
    const res = await api(`/submissions/${id}`, { token: other.token });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("56000");
    expect((await api("/submissions/nope")).status).toBe(404);
  });

  it("counts only this revision's communes", async () => {
    const { id } = await json(await api("/submissions", { body: submission("188", 2055, communes("0657", 3)) }));
    const stored = await json(await api(`/submissions/${id}`));
    expect(stored.submission.communes.map((c: { code: string }) => c.code)).toEqual(["57000", "57001", "57002"]);
    expect(stored.communes).toBe(3);
  });
});

/** Issue 12: codes at their exact length, names cleaned before the required check, amounts at most the stated maximum. */
describe("codes, names and amounts bounded as in the parser", () => {
  type Issue = { code: string; severity: string; sheet: string | null; cell: string | null; row: number | null; commune: string | null };
  const errorsOf = async (res: Response) =>
    ((await json(res)).error.details.issues as Issue[])
      .filter((i) => i.severity === "error")
      .map((i) => [i.code, i.sheet, i.cell, i.commune]);
  const zodPaths = async (res: Response) => ((await json(res)).error.details.issues as { path: string }[]).map((i) => i.path);

  it("006199 while another district holds 06199: 400 at the code, nothing stored, the report still counts one commune", async () => {
    expect(
      (await api("/submissions", { body: submission("183", 2077, [commune("06199", "Xã Hợp Thành", [1], [1, 2, 3, 4, 5])]) })).status,
    ).toBe(201);
    const before = await counts();
    const res = await api("/submissions", { body: submission("180", 2077, [commune("006199", "Xã Hợp Thành", [1], [1, 2, 3, 4, 5])]) });
    expect(res.status).toBe(400);
    expect(await zodPaths(res)).toEqual(["communes.0.code"]);
    expect(await counts()).toEqual(before);
    expect((await json(await api("/reports/2077"))).overview.communes).toBe(1);
  });

  it("one district listing 06199 and 006199: 400, the second refused by the 5-digit rule; 06199 alone is 201", async () => {
    const both = submission("181", 2078, [commune("06199", "Xã A", [1], [1, 2, 3, 4, 5]), commune("006199", "Xã B", [1], [1, 2, 3, 4, 5])]);
    const res = await api("/submissions", { body: both });
    expect(res.status).toBe(400);
    expect(await zodPaths(res)).toEqual(["communes.1.code"]);
    expect((await api("/submissions", { body: { ...both, communes: [both.communes[0]] } })).status).toBe(201);
  });

  it("a district code has exactly 3 digits: 0183 is 400 at `district`", async () => {
    const res = await api("/submissions", { body: submission("0183", 2079, communes("72", 1)) });
    expect(res.status).toBe(400);
    expect(await zodPaths(res)).toEqual(["district"]);
  });

  it.each([
    ["empty", ""],
    ["spaces", "   "],
    ["a zero-width space", "\u200b"],
    ["NUL", "\u0000"],
  ])("a commune name of %s: 422 commune.name_missing at the Tên xã cell; nothing stored", async (_what, name) => {
    const before = await counts();
    const sub = submission("182", 2080, [
      commune("07300", "Xã Hoàng Việt", [1], [1, 2, 3, 4, 5]),
      commune("07301", name, [1], [1, 2, 3, 4, 5]),
    ]);
    const res = await api("/submissions", { body: sub });
    expect(res.status).toBe(422);
    expect(await errorsOf(res)).toEqual([["commune.name_missing", "Tiêu chí", "C7", "07301"]]);
    expect(await counts()).toEqual(before);
  });

  it("names and preparer details are stored cleaned: a zero-width space inside a real name is removed", async () => {
    const sub = submission(
      "184",
      2081,
      [commune("07400", " Xã Tràng\u200b Phái\u200d\u0000\t", [1], [1, 2, 3, 4, 5])],
      {},
      {
        districtName: "Huyện\u2060 Văn  Quan\ufeff",
        preparedBy: "Hoàng\u200b Thị Đào ",
        phone: "\u200b",
      },
    );
    const res = await api("/submissions", { body: sub });
    expect(res.status).toBe(201);
    const { id } = await json(res);
    const row = await db.prepare("SELECT name FROM submission_communes WHERE submission_id = ?1").bind(id).first<{ name: string }>();
    expect(row?.name).toBe("Xã Tràng Phái");
    const stored = await json(await api(`/submissions/${id}`));
    expect([stored.preparedBy, stored.phone]).toEqual(["Hoàng Thị Đào", null]);
    expect(stored.submission.districtName).toBe("Huyện Văn Quan");
    expect(stored.submission.communes[0].name).toBe("Xã Tràng Phái");
  });

  it("every capital line at 2^53 − 1: 422 capital.amount_too_large for each line, nothing stored", async () => {
    const big = 2 ** 53 - 1;
    const before = await counts();
    const capital = { central: big, local: big, integrated: big, enterprise: big, credit: big, community: big, other: big };
    const res = await api("/submissions", { body: submission("185", 2082, communes("75", 1), capital) });
    expect(res.status).toBe(422);
    const issues = (await json(res)).error.details.issues as (Issue & { message: string })[];
    expect(issues.map((i) => [i.code, i.sheet])).toEqual(Array(7).fill(["capital.amount_too_large", "Nguồn vốn"]));
    expect(issues[0]!.message).toContain("100.000.000 triệu đồng");
    expect(await counts()).toEqual(before);
  });

  it("every capital line at the maximum is stored, and the report total is exact", async () => {
    const max = 100_000_000_000;
    await applySetup(2083);
    const capital = { central: max, local: max, integrated: max, enterprise: max, credit: max, community: max, other: max - 1 };
    expect((await api("/submissions", { body: submission("186", 2083, communes("76", 1), capital) })).status).toBe(201);
    expect((await api("/submissions", { body: submission("187", 2083, communes("77", 1), capital) })).status).toBe(201);
    const report = await api("/reports/2083");
    const text = await report.text();
    const total = JSON.parse(text).capital.sources.find((s: { key: string }) => s.key === "total");
    expect(total.amount).toBe(1_399_999_999.998);
    expect(text).toContain('"key":"total","label":"Tổng cộng","amount":1399999999.998,');
  });
});
