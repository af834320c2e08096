import { describe, expect, it } from "vitest";
import { LANG_SON_DISTRICTS } from "../../../shared/reference/districts.ts";
import { api, applySetup, communeSetup, countedCall, createToken, json } from "../helpers.ts";

/** GET /api/v1/units?year=: the year's units from its setup, paginated like the other lists. */

type Page = { status: number; version: number | null; level: string; codes: string[]; next: string | null };

async function page(path: string, token?: string): Promise<Page> {
  const res = await api(path, token === undefined ? {} : { token });
  const body = await json(res);
  return {
    status: res.status,
    version: body.version,
    level: body.level,
    codes: (body.units ?? []).map((u: { code: string }) => u.code),
    next: body.next,
  };
}

async function follow(query: string): Promise<{ codes: string[]; sizes: number[] }> {
  const codes: string[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  do {
    const p = await page(`/units?${query}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(p.status).toBe(200);
    codes.push(...p.codes);
    sizes.push(p.codes.length);
    cursor = p.next;
  } while (cursor !== null);
  return { codes, sizes };
}

const codes = (n: number, from = 10000) => Array.from({ length: n }, (_, i) => String(from + i));

describe("GET /units", () => {
  it("a built-in year: the 11 reference districts with their border attribute, version null, level huyện", async () => {
    const unit = await createToken("unit", "189");
    const res = await api("/units?year=2018", { token: unit.token });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ year: 2018, version: null, level: "huyện", next: null });
    expect(body.units).toEqual(
      LANG_SON_DISTRICTS.map((d) => ({ code: d.code, name: d.name, attributes: { "Huyện biên giới": d.border } })),
    );
    expect((await follow("year=2018&limit=4")).sizes).toEqual([4, 4, 3]);
  });

  it("an applied setup of 2,500 communes: limit=1000 → 1000, 1000, 500, each once, in the setup's order", async () => {
    await applySetup(2044, communeSetup(2044, codes(2500)));
    const { codes: seen, sizes } = await follow("year=2044&limit=1000");
    expect(sizes).toEqual([1000, 1000, 500]);
    expect(seen).toEqual(codes(2500));
    const first = await json(await api("/units?year=2044&limit=2"));
    expect(first).toMatchObject({ year: 2044, version: 1, level: "xã" });
    expect(first.units).toEqual([
      { code: "10000", name: "Xã 10000", attributes: {} },
      { code: "10001", name: "Xã 10001", attributes: {} },
    ]);
  });

  it("a setup applied between two pages: the listing finishes the version it began; a new listing reads the new one", async () => {
    await applySetup(2045, communeSetup(2045, codes(5)));
    const first = await page("/units?year=2045&limit=2");
    expect([first.version, first.codes]).toEqual([1, ["10000", "10001"]]);
    await applySetup(2045, communeSetup(2045, codes(3, 20000)));
    const rest = await page(`/units?year=2045&limit=10&cursor=${first.next}`);
    expect([rest.version, rest.codes, rest.next]).toEqual([1, ["10002", "10003", "10004"], null]);
    const fresh = await page("/units?year=2045");
    expect([fresh.version, fresh.codes]).toEqual([2, ["20000", "20001", "20002"]]);
  });

  it("one batch per page, 2 statements, whatever the setup's size", async () => {
    const { res, stats } = await countedCall("/units?year=2044&limit=500");
    expect(res.status).toBe(200);
    expect(stats).toEqual({ roundTrips: 1, statements: 2, batches: [2] });
  });

  it("404 setup.missing for a year without a setup; 400 without a year, for a bad limit, another year's cursor; 401 without a token", async () => {
    const missing = await api("/units?year=2046");
    expect(missing.status).toBe(404);
    expect((await json(missing)).error.code).toBe("setup.missing");
    for (const path of ["/units", "/units?year=", "/units?year=2018&limit=0", "/units?year=20x8"]) {
      const res = await api(path);
      expect([path, res.status]).toEqual([path, 400]);
    }
    const other = (await page("/units?year=2018&limit=2")).next;
    const crossed = await api(`/units?year=2044&cursor=${other}`);
    expect(crossed.status).toBe(400);
    expect((await json(crossed)).error.details.issues[0].path).toBe("cursor");
    expect((await api("/units?year=2018", { token: null })).status).toBe(401);
  });
});
