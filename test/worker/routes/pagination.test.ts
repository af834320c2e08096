import { beforeAll, describe, expect, it } from "vitest";
import { api, applySetup, commune, count, createToken, db, json, submission } from "../helpers.ts";

/**
 * Pagination of the list routes (worker/http/pagination.ts) against real D1: 1,604 revisions of 11
 * districts over two years (issue 12: the old list stopped silently at 1,000 rows), 250 tokens.
 */
const DISTRICTS = ["178", "180", "181", "182", "183", "184", "185", "186", "187", "188", "189"];
const YEARS = [2040, 2041];
const TOTAL = 1604;

type Rev = { id: string; district: string; year: number; revision: number };

/** 1,604 revisions: 22 (district, year) groups of 72 or 73 revisions. */
function seedRevisions(): Rev[] {
  const groups = DISTRICTS.flatMap((district) => YEARS.map((year) => ({ district, year })));
  const out: Rev[] = [];
  groups.forEach((g, i) => {
    const n = Math.floor(TOTAL / groups.length) + (i < TOTAL % groups.length ? 1 : 0);
    for (let revision = 1; revision <= n; revision++) out.push({ id: `seed-${g.year}-${g.district}-${revision}`, ...g, revision });
  });
  return out;
}

/** The list's order: year newest first, district code, revision newest first. */
const byListOrder = (a: Rev, b: Rev) =>
  b.year - a.year || (a.district < b.district ? -1 : a.district > b.district ? 1 : 0) || b.revision - a.revision;

const SEEDED = seedRevisions();

type Page = { rows: Rev[]; next: string | null; status: number };

async function page(path: string, token?: string): Promise<Page> {
  const res = await api(path, token === undefined ? {} : { token });
  const body = await json(res);
  return { status: res.status, rows: body.submissions ?? [], next: body.next ?? null };
}

/** Every page of a query, following next; the sizes of the pages too. */
async function follow(query: string, token?: string): Promise<{ rows: Rev[]; sizes: number[] }> {
  const rows: Rev[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const p = await page(`/submissions?${query}${cursor ? `&cursor=${cursor}` : ""}`, token);
    expect(p.status).toBe(200);
    rows.push(...p.rows);
    sizes.push(p.rows.length);
    if (p.next === null) return { rows, sizes };
    cursor = p.next;
  }
  throw new Error("more than 1000 pages");
}

const key = (r: Rev) => `${r.year}/${r.district}/${r.revision}`;

beforeAll(async () => {
  // The 11 districts' setup for 2041 (a test submits there; a year without a setup answers 404).
  await applySetup(2041);
  // One batch: the revisions from one JSON parameter, each with the next sequence number (in seeding
  // order: revisions of a group ascending) and its `submit` audit row as the Worker writes them (times
  // strictly increasing), then each group's latest pointer.
  await db.batch([
    db
      .prepare(
        "INSERT INTO submissions (id, unit, year, round, revision, content_hash, template_version, header, aggregate, communes, " +
          "prepared_by, phone, submitted_by, token_id, submitted_at, seq) " +
          "SELECT json_extract(value, '$.id'), json_extract(value, '$.district'), json_extract(value, '$.year'), 'plan', " +
          "json_extract(value, '$.revision'), 'hash-' || json_extract(value, '$.id'), 'NTM-1', '{}', '{}', 0, NULL, NULL, " +
          "'seed', NULL, '2020-01-01T00:00:00.000Z', (SELECT COALESCE(MAX(seq), 0) FROM audit_log) + 1 + key FROM json_each(?1)",
      )
      .bind(JSON.stringify(SEEDED)),
    db.prepare(
      "INSERT INTO audit_log (seq, at_ms, actor, token_id, action, unit, year, round, revision, detail) " +
        "SELECT s.seq, (SELECT MAX(at_ms) FROM audit_log) + s.seq - (SELECT MAX(seq) FROM audit_log), 'seed', NULL, 'submit', " +
        "s.unit, s.year, s.round, s.revision, '{}' FROM submissions s WHERE s.seq > (SELECT MAX(seq) FROM audit_log)",
    ),
    db.prepare(
      "INSERT INTO latest_submissions (unit, year, round, submission_id, revision, content_hash, aggregate) " +
        "SELECT unit, year, round, id, revision, content_hash, aggregate FROM submissions s " +
        "WHERE revision = (SELECT MAX(revision) FROM submissions WHERE unit = s.unit AND year = s.year AND round = s.round)",
    ),
  ]);
});

describe("GET /submissions: pages", () => {
  it("1,604 revisions of 11 districts: limit=1000 gives 1000 + 604, all exactly once, in order", async () => {
    expect(await count("submissions")).toBe(TOTAL);
    const { rows, sizes } = await follow("limit=1000");
    expect(sizes).toEqual([1000, 604]);
    expect(rows.map(key)).toEqual([...SEEDED].sort(byListOrder).map(key));
    expect(new Set(rows.map((r) => r.id)).size).toBe(TOTAL);
    expect(new Set(rows.map((r) => r.district)).size).toBe(11);
    const latest = rows.filter((r) => (r as Rev & { latest: boolean }).latest);
    expect(latest).toHaveLength(22);
  });

  it("limit=7 with year=2040: 115 pages (114 of 7 and one of 4), the year's 802 rows in order", async () => {
    const { rows, sizes } = await follow("year=2040&limit=7");
    const expected = SEEDED.filter((r) => r.year === 2040).sort(byListOrder);
    expect(expected).toHaveLength(802);
    expect(sizes).toEqual([...Array(114).fill(7), 4]);
    expect(rows.map(key)).toEqual(expected.map(key));
  });

  it("no limit: pages of 100 (the default), the last with next null", async () => {
    const { sizes } = await follow("");
    expect(sizes).toEqual([...Array(16).fill(100), 4]);
  });

  it("limit=1 with year and district: the latest revision first", async () => {
    const p = await page("/submissions?year=2041&district=183&limit=1");
    const top = Math.max(...SEEDED.filter((r) => r.year === 2041 && r.district === "183").map((r) => r.revision));
    expect(top).toBe(73);
    expect(p.rows.map((r) => [r.id, (r as Rev & { latest: boolean }).latest])).toEqual([["seed-2041-183-73", true]]);
    expect(p.next).not.toBeNull();
  });

  it("a district token pages only its own rows (both years), and cannot use another query's cursor", async () => {
    const t = await createToken("unit", "183");
    const { rows, sizes } = await follow("limit=50", t.token);
    const own = SEEDED.filter((r) => r.district === "183").sort(byListOrder);
    expect(own).toHaveLength(146);
    expect(sizes).toEqual([50, 50, 46]);
    expect(rows.map(key)).toEqual(own.map(key));
    const adminCursor = (await page("/submissions?limit=5")).next;
    const refused = await api(`/submissions?limit=5&cursor=${adminCursor}`, { token: t.token });
    expect(refused.status).toBe(400);
    expect((await json(refused)).error.code).toBe("request.malformed");
    expect((await api("/submissions?district=185&limit=5", { token: t.token })).status).toBe(403);
  });

  it("a revision stored between two pages: no row of the original order twice or missing; it lands first in its group", async () => {
    const before = (await follow("year=2041&limit=1000")).rows.map(key);
    // Stop just inside district 183's group of 2041, then two districts submit: 183 (behind the cursor) and 189 (ahead).
    const first = await page("/submissions?year=2041&limit=300");
    expect(first.rows.at(-1)?.district).toBe("183");
    const post = async (district: string) => {
      const res = await api("/submissions", {
        body: submission(district, 2041, [commune(`${district === "183" ? "06" : "07"}100`, "Xã Mới", [1, 2], [1, 2, 3])]),
      });
      expect(res.status).toBe(201);
      return json(res);
    };
    const behind = await post("183");
    const ahead = await post("189");
    expect([behind.revision, ahead.revision]).toEqual([74, 73]);
    let rows = [...first.rows];
    let cursor = first.next;
    while (cursor !== null) {
      const p = await page(`/submissions?year=2041&limit=300&cursor=${cursor}`);
      rows = rows.concat(p.rows);
      cursor = p.next;
    }
    const keys = rows.map(key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k !== "2041/189/73")).toEqual(before);
    expect(keys).not.toContain("2041/183/74");
    expect(keys.indexOf("2041/189/73")).toBe(keys.indexOf("2041/189/72") - 1);
    // A new listing has both, each first in its group.
    const now = (await follow("year=2041&district=183&limit=1000")).rows;
    expect(now[0]?.id).toBe(behind.id);
  });
});

describe("GET /submissions: bad limit or cursor → 400 request.malformed", () => {
  it.each(["0", "1001", "abc", "-1", "1.5", "1e2", "+5", " 7", "99999999999"])("limit=%s", async (limit) => {
    const res = await api(`/submissions?limit=${encodeURIComponent(limit)}`);
    expect(res.status).toBe(400);
    const { error } = await json(res);
    expect(error).toMatchObject({
      code: "request.malformed",
      message: "Tham số limit phải là số nguyên từ 1 đến 1000.",
      messageEn: "The limit parameter must be an integer from 1 to 1000.",
    });
    expect(error.details.issues[0].path).toBe("limit");
  });

  it.each(["1", "1000"])("limit=%s is accepted", async (limit) => {
    const p = await page(`/submissions?limit=${limit}`);
    expect(p.rows).toHaveLength(Number(limit));
  });

  it("garbage, truncated, tampered, another list's or another query's cursor", async () => {
    const real = (await page("/submissions?year=2040&limit=3")).next ?? "";
    const tokenCursor = btoa(JSON.stringify(["tokens", [], ["2020-01-01T00:00:00.000Z", "x"]])).replace(/=+$/, "");
    const forged = (payload: unknown) => btoa(JSON.stringify(payload)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    const bad = [
      "!!!",
      "bm90IGpzb24",
      real.slice(0, -3),
      real.slice(0, 10) + (real[10] === "A" ? "B" : "A") + real.slice(11),
      tokenCursor,
      forged(["submissions", [2040, null], [2040, "183"]]),
      forged(["submissions", [2040, null], ["2040", "183", 5]]),
      forged(["submissions", [2041, null], [2040, "183", 5]]),
      "A".repeat(600),
    ];
    for (const cursor of bad) {
      const res = await api(`/submissions?year=2040&limit=3&cursor=${encodeURIComponent(cursor)}`);
      expect([cursor, res.status]).toEqual([cursor, 400]);
      const { error } = await json(res);
      expect(error.code).toBe("request.malformed");
      expect(error.details.issues[0].path).toBe("cursor");
    }
    // A forged but well-formed position of the same query is only a position: it grants nothing.
    const p = await page(`/submissions?year=2040&limit=3&cursor=${forged(["submissions", [2040, null, null], [2040, "183", "plan", 5]])}`);
    expect(p.rows.map(key)).toEqual(["2040/183/4", "2040/183/3", "2040/183/2"]);
  });
});

describe("GET /tokens: pages", () => {
  /** 250 tokens in one batch: creation times in 2020, two tokens per millisecond (the id breaks the tie). */
  const TOKENS = Array.from({ length: 250 }, (_, i) => ({
    id: `tok-${String((i * 37) % 250).padStart(3, "0")}`,
    created_at: `2020-01-01T00:00:${String(Math.floor(i / 2) % 60).padStart(2, "0")}.${String(Math.floor(i / 120)).padStart(3, "0")}Z`,
  }));
  const ORDER = [...TOKENS].sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : 1));

  async function tokenPages(limit: string, between?: () => Promise<unknown>): Promise<{ ids: string[]; sizes: number[] }> {
    const ids: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await api(`/tokens?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      const body = await json(res);
      ids.push(...body.tokens.map((t: { id: string }) => t.id));
      sizes.push(body.tokens.length);
      cursor = body.next;
      if (sizes.length === 1) await between?.();
    } while (cursor !== null);
    return { ids, sizes };
  }

  beforeAll(async () => {
    await db.prepare("DELETE FROM tokens").run();
    await db
      .prepare(
        "INSERT INTO tokens (id, hash, role, unit, label, created_at) " +
          "SELECT json_extract(value, '$.id'), 'hash-' || json_extract(value, '$.id'), 'office', NULL, " +
          "'Mã ' || json_extract(value, '$.id'), json_extract(value, '$.created_at') FROM json_each(?1)",
      )
      .bind(JSON.stringify(TOKENS))
      .run();
  });

  it("250 tokens → pages of 100, 100, 50, the last with next null; each once, oldest first", async () => {
    expect(await count("tokens")).toBe(250);
    const { ids, sizes } = await tokenPages("");
    expect(sizes).toEqual([100, 100, 50]);
    expect(ids).toEqual(ORDER.map((t) => t.id));
  });

  it("limit=1000: one page of 250", async () => {
    expect((await tokenPages("1000")).sizes).toEqual([250]);
  });

  it("a token created between two pages comes at the end; no other token twice or missing", async () => {
    let created = "";
    const { ids, sizes } = await tokenPages("100", async () => {
      created = (await createToken("office")).id;
    });
    expect(sizes).toEqual([100, 100, 51]);
    expect(ids).toEqual([...ORDER.map((t) => t.id), created]);
  });

  it.each(["0", "1001", "abc"])("limit=%s → 400", async (limit) => {
    const res = await api(`/tokens?limit=${limit}`);
    expect(res.status).toBe(400);
    expect((await json(res)).error.code).toBe("request.malformed");
  });

  it("a submissions cursor, a garbage cursor → 400", async () => {
    const submissionsCursor = (await page("/submissions?limit=1")).next;
    for (const cursor of [submissionsCursor, "%%%", "e30"]) {
      const res = await api(`/tokens?cursor=${encodeURIComponent(cursor ?? "")}`);
      expect(res.status).toBe(400);
      expect((await json(res)).error.code).toBe("request.malformed");
    }
  });
});
