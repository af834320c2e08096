import path from "node:path";
import ExcelJS from "exceljs";
import type { Catalogue } from "../../shared/text/catalogue.ts";
import type { LegacyChange } from "../../shared/text/legacy-convert.ts";
import { convertCells, textCells } from "../../shared/text/legacy-convert.ts";
import { ENCODING_NAMES } from "../../shared/text/legacy-encoding.ts";
import { parseArgs } from "../args.ts";
import type { Io } from "../output.ts";
import { EXIT_INVALID, EXIT_OK, bilingual, printIssues, printJson } from "../output.ts";
import { usageError } from "../usage.ts";
import { openWorkbookFile } from "../xlsx/read-workbook.ts";
import { UNICODE_FONT, applyLegacyChanges } from "../xlsx/convert-workbook.ts";

/** The Unicode font a converted cell is set in (cli/xlsx/convert-workbook.ts). */
export { UNICODE_FONT };

export const CONVERT_TEXTS = {
  noOut: { vi: "cần --out <tệp mới.xlsx>", en: "--out <new file.xlsx> is required" },
  sameFile: {
    vi: "--out phải là một tệp khác tệp gốc (tệp gốc được giữ nguyên)",
    en: "--out must be another file than the input (the input is kept as it is)",
  },
  nothing: {
    vi: "{file}: không có ô nào gõ bằng bảng mã cũ TCVN3 hoặc VNI; không ghi tệp nào.",
    en: "{file}: no cell is typed in the legacy TCVN3 or VNI encodings; nothing written.",
  },
  converted: {
    vi: "{file}: đã chuyển {count} ô sang Unicode (phông {font}), ghi vào {out}. Hãy mở tệp mới, xem lại các ô trên rồi dùng tệp đó.",
    en: "{file}: {count} cells converted to Unicode (font {font}), written to {out}. Open the new file, check the cells above, then use it.",
  },
  formula: {
    vi: "{ref}: ô có công thức, không chuyển (hãy sửa các ô mà công thức lấy chữ)",
    en: "{ref}: a formula cell, not converted (fix the cells its text comes from)",
  },
  noneWritable: {
    vi: "{file}: không có ô chữ nào chuyển được (chỉ có ô công thức ở trên); không ghi tệp nào.",
    en: "{file}: no text cell to convert (only the formula cells above); nothing written.",
  },
  cannotWrite: { vi: "không ghi được tệp {out}: {detail}", en: "cannot write {out}: {detail}" },
} satisfies Catalogue;

function line(c: LegacyChange): string {
  return `${c.sheet}!${c.cell}: ${c.before} → ${c.after} (${ENCODING_NAMES[c.encoding].vi})\n`;
}

/**
 * `convert <in.xlsx> --out <out.xlsx> [--json]`: converts every cell typed in TCVN3 or VNI (as the
 * parser detects it, `text.legacy_encoding`) to Unicode and writes a copy: the same workbook with
 * only those cells' text changed and their font set to Times New Roman. Every converted cell is
 * listed (`Sheet!Cell: before → after`). No legacy cell: says so, writes nothing, exit 0.
 */
export async function convertCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: ["out"] });
  if (!args.ok) return usageError(io, "convert", args.error);
  const { positionals, options, flags } = args.value;
  if (positionals.length === 0) return usageError(io, "convert", "no file given");
  if (positionals.length > 1) return usageError(io, "convert", `one file only (${positionals.length} given)`);
  const file = positionals[0]!;
  const out = options.get("out");
  if (!out) return usageError(io, "convert", bilingual(CONVERT_TEXTS, "noOut"));
  if (path.resolve(out) === path.resolve(file)) return usageError(io, "convert", bilingual(CONVERT_TEXTS, "sameFile"));
  const json = flags.has("json");

  const opened = await openWorkbookFile(file, { fonts: true });
  if (!opened.ok) {
    if (json) printJson(io, { file, out: null, ok: false, changes: [], skipped: [], issues: opened.issues });
    else printIssues(io, opened.issues, file);
    return EXIT_INVALID;
  }
  const { workbook, sheets } = opened.value;
  const { changed: changes, skipped } = applyLegacyChanges(ExcelJS, workbook, convertCells(textCells(sheets)));
  for (const s of skipped) io.stderr(`${bilingual(CONVERT_TEXTS, "formula", { ref: `${s.sheet}!${s.cell}` })}\n`);

  if (changes.length > 0) {
    try {
      await workbook.xlsx.writeFile(out);
    } catch (e) {
      io.stderr(`ntm convert: ${bilingual(CONVERT_TEXTS, "cannotWrite", { out, detail: e instanceof Error ? e.message : String(e) })}\n`);
      return EXIT_INVALID;
    }
  }
  const written = changes.length > 0;
  if (json) {
    printJson(io, { file, out: written ? out : null, ok: true, changes, skipped, issues: [] });
  } else {
    for (const c of changes) io.stdout(line(c));
    io.stderr(
      written
        ? `${bilingual(CONVERT_TEXTS, "converted", { file, count: changes.length, font: UNICODE_FONT, out })}\n`
        : `${bilingual(CONVERT_TEXTS, skipped.length > 0 ? "noneWritable" : "nothing", { file })}\n`,
    );
  }
  return EXIT_OK;
}
