import { readFile } from "node:fs/promises";
import type { CellComment } from "../../shared/schemas/api/review.ts";
import { MAX_CELL_COMMENTS, cellCommentSchema } from "../../shared/schemas/api/review.ts";
import type { Catalogue } from "../../shared/text/catalogue.ts";
import { bilingual } from "../output.ts";

export const CELLS_TEXTS = {
  unreadable: { vi: "không đọc được tệp {file}: {detail}", en: "cannot read {file}: {detail}" },
  notJson: { vi: "tệp {file} không phải JSON: {detail}", en: "{file} is not JSON: {detail}" },
  notArray: {
    vi: 'tệp {file} phải là một danh sách [{ "sheet", "cell", "commune", "text" }]',
    en: '{file} must be a list [{ "sheet", "cell", "commune", "text" }]',
  },
  tooMany: { vi: "tệp {file} có {count} ý kiến, tối đa {max}", en: "{file} has {count} comments, at most {max}" },
  notObject: {
    vi: "{file}, mục {entry}: phải là một đối tượng { sheet, cell, text }",
    en: "{file}, entry {entry}: must be an object { sheet, cell, text }",
  },
  sheet: {
    vi: "{file}, mục {entry}: sheet (tên trang tính) phải có 1-100 ký tự",
    en: "{file}, entry {entry}: sheet must have 1-100 characters",
  },
  cell: {
    vi: "{file}, mục {entry}: cell (ô) phải là địa chỉ như H6, không phải {value}",
    en: "{file}, entry {entry}: cell must be an address such as H6, not {value}",
  },
  commune: {
    vi: "{file}, mục {entry}: commune (mã xã) phải có 5 chữ số, không phải {value}",
    en: "{file}, entry {entry}: commune must be 5 digits, not {value}",
  },
  text: {
    vi: "{file}, mục {entry}: text (nội dung) phải có 1-2.000 ký tự",
    en: "{file}, entry {entry}: text must have 1-2,000 characters",
  },
} satisfies Catalogue;

const FIELDS = ["sheet", "cell", "commune", "text"] as const;

export type CellsResult = { ok: true; value: CellComment[] } | { ok: false; error: string };

/**
 * The `--cells` file of `ntm review return`: a JSON list `[{ "sheet", "cell", "commune"?, "text" }]`,
 * each entry checked with the API's cellCommentSchema (shared/schemas/api/review.ts) before anything
 * is sent. A refusal names the file and the entry (numbered from 1) and what is wrong in it.
 */
export async function loadCellsFile(file: string): Promise<CellsResult> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    return refuse("unreadable", { file, detail: e instanceof Error ? e.message : String(e) });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return refuse("notJson", { file, detail: e instanceof Error ? e.message : String(e) });
  }
  if (!Array.isArray(json)) return refuse("notArray", { file });
  if (json.length > MAX_CELL_COMMENTS) return refuse("tooMany", { file, count: json.length, max: MAX_CELL_COMMENTS });
  const cells: CellComment[] = [];
  for (const [i, raw] of json.entries()) {
    const entry = i + 1;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return refuse("notObject", { file, entry });
    const parsed = cellCommentSchema.safeParse(raw);
    if (!parsed.success) {
      const field = FIELDS.find((f) => parsed.error.issues.some((issue) => issue.path[0] === f)) ?? "text";
      const value = (raw as Record<string, unknown>)[field];
      return refuse(field, { file, entry, value: value === undefined ? "(trống)" : JSON.stringify(value) });
    }
    cells.push(parsed.data);
  }
  return { ok: true, value: cells };
}

function refuse(key: keyof typeof CELLS_TEXTS, params: Record<string, string | number>): CellsResult {
  return { ok: false, error: bilingual(CELLS_TEXTS, key, params) };
}
