import { describe, expect, it } from "vitest";
import { allPages, MAX_PAGES } from "../../../shared/api/all-pages.ts";
import type { PageOf } from "../../../shared/api/all-pages.ts";
import type { ApiResult } from "../../../shared/api/client.ts";

/** allPages over an in-memory list of pages (the client's use against a real server is in client.test.ts). */
const ok = <T>(items: T[], next: string | null): ApiResult<PageOf<T>> => ({ ok: true, status: 200, value: { items, next } });

describe("allPages", () => {
  it("follows next until null, in order, asking with each cursor once", async () => {
    const asked: (string | null)[] = [];
    const pages: Record<string, ApiResult<PageOf<number>>> = { first: ok([1, 2], "b"), b: ok([3, 4], "c"), c: ok([5], null) };
    const r = await allPages(async (cursor) => {
      asked.push(cursor);
      return pages[cursor ?? "first"]!;
    });
    expect(r).toEqual({ ok: true, status: 200, value: [1, 2, 3, 4, 5] });
    expect(asked).toEqual([null, "b", "c"]);
  });

  it("one page with next null: that page", async () => {
    expect(await allPages(async () => ok(["a"], null))).toEqual({ ok: true, status: 200, value: ["a"] });
  });

  it("a repeated cursor is an error, not a loop (a → b → a)", async () => {
    let calls = 0;
    const r = await allPages(async (cursor) => {
      calls++;
      return ok([calls], cursor === "a" ? "b" : "a");
    });
    expect(r.ok ? null : [r.failure.code, r.failure.status, r.failure.params.detail]).toEqual([
      "response.unexpected",
      200,
      "pagination: the cursor of page 3 was given before",
    ]);
    expect(calls).toBe(3);
  });

  it("more pages than the cap is an error: exactly maxPages pages are asked for", async () => {
    let calls = 0;
    const r = await allPages(async () => ok([++calls], `c${calls}`), 5);
    expect(r.ok ? null : r.failure.params.detail).toBe("pagination: more than 5 pages");
    expect(calls).toBe(5);
    expect(MAX_PAGES).toBe(10_000);
  });

  it("a failed page is the result", async () => {
    const failure = { status: 403, code: "auth.forbidden", params: { status: 403 }, serverMessage: null, issues: [] };
    const r = await allPages<number>(async (cursor) => (cursor === null ? ok([1], "b") : { ok: false, failure }));
    expect(r).toEqual({ ok: false, failure });
  });
});
