/**
 * The size contract: how large a submission, a request body and a workbook may be, in one place, so
 * that the schema, the Worker, the CLI and the task pane refuse the same things.
 *
 * - `MAX_COMMUNES` = 10,000 communes per submission. Vietnam has about 10,000 communes in all; one
 *   reporting unit (a district, even a province) has at most a few hundred. A submission larger than
 *   the whole country is an error, not data.
 * - The worst-case JSON of one VALID commune (`WORST_COMMUNE_BYTES`, test/cli/size-limits.test.ts
 *   builds it, serialises it and checks it): a 200-character name of 3-byte letters (`ữ`, a
 *   UTF-16 unit is never more than 3 UTF-8 bytes when it needs no JSON escape; the shared rules strip
 *   control characters), a 5-digit code, the four flags as `false` (longer than `true`), all 19
 *   criteria in both HT and KH (the rules refuse any other number), and its source: a sheet name of
 *   the schema's 100 characters, again 3 bytes each, and Excel's last row 1,048,576. That is 1,172 bytes;
 *   10,000 of them plus the envelope (header fields, the source columns, the capital plan: under
 *   8 KB) are 11.7 MB.
 * - `MAX_BODY_BYTES` = 16 MiB (16,777,216 bytes) leaves 30 % to spare above that, and stays far
 *   inside Workers' request size limit (100 MB on the free and pro plans) and memory (128 MB: the
 *   body is held as bytes and as one string while parsed). D1's 2 MB per string or row is not at
 *   stake: the Worker stores communes in chunks of at most 1 MB (worker/db/submissions.ts).
 *   The previous contract (20,000 communes, 5 MB) let a valid workbook of 20,000 communes (5.8 MB of
 *   JSON with short names) pass `ntm validate` and then get 413.
 * - Workbooks (the CLI reads .xlsx files with exceljs, which holds the whole workbook in memory):
 *   a file over `MAX_WORKBOOK_FILE_BYTES` (20 MiB) is refused before it is read, a sheet whose cells
 *   reach past its row limit is refused before any grid is built (`Tiêu chí`: `MAX_CRITERIA_ROWS`
 *   = MAX_COMMUNES + 2,000 rows of header, notes and slack; the `Thiết lập` workbook's `Xã` and
 *   `Đơn vị`: `MAX_SETUP_LIST_ROWS`, the same; every other sheet `MAX_OTHER_SHEET_ROWS`, the
 *   template's others hold a few dozen), and so is a workbook whose sheets together span more
 *   than `MAX_WORKBOOK_CELLS` cells (rows × columns of each sheet's used range, the grids the parser
 *   reads: a stray cell in column XFD would make a 10,000-row sheet 164 million cells).
 */

/** Communes in one submission (shared/schemas/submission.ts). */
export const MAX_COMMUNES = 10_000;

/** Largest request body the API accepts (worker/http/body.ts); 413 `body.too_large` above. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Largest .xlsx file the CLI reads (checked with the file's size, before reading it). */
export const MAX_WORKBOOK_FILE_BYTES = 20 * 1024 * 1024;

/** Rows of the `Tiêu chí` sheet: MAX_COMMUNES plus header, notes and slack. */
export const MAX_CRITERIA_ROWS = MAX_COMMUNES + 2_000;

/**
 * Rows of the two list sheets of the `Thiết lập` workbook (docs/setup.md), `Xã` and `Đơn vị`: a
 * setup lists up to MAX_COMMUNES communes, and as many units at level `xã` (one per commune), below
 * a title, a note, the header, with the empty rows the builder leaves for drop-downs (200).
 */
export const MAX_SETUP_LIST_ROWS = MAX_COMMUNES + 2_000;

/** Rows of every other sheet (`Thông tin`, `Nguồn vốn`, `Năm`, and any sheet the parser does not read). */
export const MAX_OTHER_SHEET_ROWS = 1_000;

/** Cells (rows × columns of each sheet's used range, summed over the sheets) of one workbook. */
export const MAX_WORKBOOK_CELLS = 2_000_000;

/** Bytes as MB for messages (MiB, as the limits are set): `16`, `20`, `5.8`. */
export function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

/** UTF-8 length of a string, the size it has on the wire (lone surrogates count as U+FFFD: 3). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u < 0x80) n += 1;
    else if (u < 0x800) n += 2;
    else if (u >= 0xd800 && u <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Bytes of `JSON.stringify(value)` in UTF-8: what a client sends for it. */
export function jsonBodyBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}
