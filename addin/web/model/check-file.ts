import type { ReferenceData } from "../../../shared/reference/index.ts";
import type { Issue } from "../../../shared/result.ts";
import { bodyContractIssues } from "../../../shared/rules/contract-issues.ts";
import { MAX_WORKBOOK_FILE_BYTES, megabytes } from "../../../shared/limits.ts";
import type { SheetInput } from "../../../shared/template/input.ts";
import { parseCell, topLeft } from "../../../shared/template/a1.ts";
import type { LegacyChange } from "../../../shared/text/legacy-convert.ts";
import { convertCells, fontEncoding, textCells } from "../../../shared/text/legacy-convert.ts";
import { renderBoth } from "../../../shared/text/catalogue.ts";
import { READ_TEXTS } from "../../../shared/xlsx/read-texts.ts";
import { readXlsx } from "../../../shared/xlsx/read-xlsx.ts";
import type { CheckPlan, SendBody } from "../../model/district-flow.ts";
import { hasLegacyText } from "../../model/convert-flow.ts";
import { readForSend } from "../../model/read-for-send.ts";

/**
 * What the web page does with a chosen file, in the browser (no Excel, no server): read the .xlsx
 * into the sheets the task pane's adapter would give (shared/xlsx/read-xlsx.ts: the CLI's reading,
 * the same limits and messages), check them with the pane's `readForSend`, then refuse what the API
 * would refuse (shared/rules/contract-issues.ts: the CLI's messages). Legacy TCVN3/VNI text: the
 * changes a conversion would make, for the unit to see and confirm. Pure, never throws.
 */
export type FileCheck =
  /** The file could not be read (not .xlsx, too large, damaged): the reader's issues. */
  | { kind: "refused"; issues: readonly Issue[] }
  | {
      kind: "checked";
      sheets: SheetInput[];
      issues: readonly Issue[];
      /** What `Gửi` posts: null while any issue is an error. */
      body: SendBody | null;
      /** The cells a TCVN3/VNI conversion would change (empty unless the check found legacy text). */
      legacy: readonly LegacyChange[];
    };

/** The size check on the chosen file before its bytes are read (the CLI's message, the file's name). */
export function fileSizeIssue(name: string, size: number): Issue | null {
  if (size <= MAX_WORKBOOK_FILE_BYTES) return null;
  const { vi, en } = renderBoth(READ_TEXTS, "workbook.too_large", {
    file: name,
    size: megabytes(size),
    limit: megabytes(MAX_WORKBOOK_FILE_BYTES),
  });
  return { code: "workbook.too_large", severity: "error", sheet: null, cell: null, row: null, commune: null, message: vi, messageEn: en };
}

/** Some text cell is drawn in a `.Vn…` or `VNI-…` font (its text may be legacy where the characters cannot tell). */
function hasLegacyFont(sheets: readonly SheetInput[]): boolean {
  return sheets.some((s) => s.fonts?.some((row) => row.some((f) => f !== null && fontEncoding(f) !== null)) ?? false);
}

/** The sheets as read, checked as the plan says, with the API's contract and the legacy-text offer. */
export function checkSheets(sheets: SheetInput[], plan: CheckPlan, reference: ReferenceData): FileCheck {
  const checked = readForSend(sheets, plan, reference);
  const refused = checked.body ? bodyContractIssues(checked.body) : [];
  const issues = refused.length > 0 ? [...refused, ...checked.issues] : checked.issues;
  const legacy = hasLegacyText(issues) || hasLegacyFont(sheets) ? convertCells(textCells(sheets)) : [];
  return { kind: "checked", sheets, issues, body: refused.length > 0 ? null : checked.body, legacy };
}

/** A chosen file's bytes → the check (the reader keeps font names for the TCVN3 capitals). */
export async function checkFile(bytes: Uint8Array, name: string, plan: CheckPlan, reference: ReferenceData): Promise<FileCheck> {
  const read = await readXlsx(bytes, { file: name, fonts: true });
  if (!read.ok) return { kind: "refused", issues: read.issues };
  return checkSheets(read.value, plan, reference);
}

/**
 * The sheets with the confirmed conversions applied (a changed cell's font is dropped: its text is
 * Unicode now). The sheets given are not changed.
 */
export function applyConversion(sheets: readonly SheetInput[], changes: readonly LegacyChange[]): SheetInput[] {
  return sheets.map((s) => {
    const mine = changes.filter((c) => c.sheet === s.name);
    if (mine.length === 0) return s;
    const origin = topLeft(s.address);
    const values = s.values.map((row) => (Array.isArray(row) ? [...row] : row));
    const fonts = s.fonts?.map((row) => [...row]);
    for (const change of mine) {
      const at = parseCell(change.cell);
      if (!at) continue;
      const r = at.row - origin.row;
      const c = at.column - origin.column;
      const row = values[r];
      if (!Array.isArray(row) || row[c] !== change.before) continue;
      row[c] = change.after;
      if (fonts?.[r]) fonts[r]![c] = null;
    }
    return { ...s, values, ...(fonts ? { fonts } : {}) };
  });
}
