import type { ApiResult } from "./client.ts";

/**
 * Every row of a paginated list (shared/schemas/api/page.ts): fetches the first page, then follows
 * `next` until it is null. Stops with an error, never loops: a cursor the server already gave
 * (it would page forever) or more than `maxPages` pages is `response.unexpected`. The first failed
 * page's failure is the result; rows of earlier pages are not returned alone (never a silent cut).
 */
export const MAX_PAGES = 10_000;

export type PageOf<T> = { items: readonly T[]; next: string | null };

export async function allPages<T>(
  fetchPage: (cursor: string | null) => Promise<ApiResult<PageOf<T>>>,
  maxPages = MAX_PAGES,
): Promise<ApiResult<T[]>> {
  const rows: T[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  let status = 200;
  for (let pages = 0; ; pages++) {
    if (pages >= maxPages) return stop(`more than ${maxPages} pages`, status);
    const page = await fetchPage(cursor);
    if (!page.ok) return page;
    status = page.status;
    for (const item of page.value.items) rows.push(item);
    const next = page.value.next;
    if (next === null) return { ok: true, status: page.status, value: rows };
    if (seen.has(next)) return stop(`the cursor of page ${pages + 1} was given before`, page.status);
    seen.add(next);
    cursor = next;
  }
}

function stop(detail: string, status: number): ApiResult<never> {
  return {
    ok: false,
    failure: { status, code: "response.unexpected", params: { status, detail: `pagination: ${detail}` }, serverMessage: null, issues: [] },
  };
}
