import type { Issue } from "../result.ts";
import type { CapitalKey, CapitalLeafKey } from "../reference/capital-sources.ts";
import type { SheetInput } from "./input.ts";
import type { AmountFailure } from "../text/vn-number.ts";
import { cleanText, matchKey } from "../text/match.ts";
import { MAX_MILLI, formatEnMillion, formatVnMillion, readAmount } from "../text/vn-number.ts";
import { MAX_LINE_THOUSAND } from "../money.ts";
import { CAPITAL_LEAF_KEYS, CAPITAL_SOURCES } from "../reference/capital-sources.ts";
import { CAPITAL_COLUMNS, HEADER_SEARCH_ROWS, SHEETS } from "./labels.ts";
import { address, sheetRow, toGrid } from "./grid.ts";
import { makeIssue, showValue } from "./messages.ts";
import { isEmptyCell } from "./yes-no.ts";

export type CapitalPiece = {
  sheet: string;
  /** Leaves in integer thousand VND (0 where missing or unreadable; errors say so). */
  leaves: Record<CapitalLeafKey, number>;
};

const SOURCE_KEY = matchKey(CAPITAL_COLUMNS.source);
const STT_KEY = matchKey(CAPITAL_COLUMNS.stt);
const AMOUNT_PREFIX = matchKey(CAPITAL_COLUMNS.amountPrefix);
const BY_STT = new Map(CAPITAL_SOURCES.filter((s) => s.stt !== null).map((s) => [s.stt!, s]));
const LABEL_STARTS = CAPITAL_SOURCES.map((s) => ({ start: matchKey(s.labelStart), source: s }));
const SOURCE_OF = new Map(CAPITAL_SOURCES.map((s) => [s.key, s]));
/** Leading bullets of a label (docs/template.md: `-`, `+`, `•`; dashes and `*` typed the same way). */
const BULLETS = /^(?:[-+•–—*·]\s*)+/;

type SttReading = { kind: "none" } | { kind: "known"; key: CapitalKey } | { kind: "other"; text: string };

/** STT as text or number (Excel turns a typed 1.1 into the number 1.1, maybe 1.1000000000000001). */
function readStt(v: unknown): SttReading {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { kind: "none" };
    for (const [stt, s] of BY_STT) if (Math.abs(v - Number(stt)) < 1e-9) return { kind: "known", key: s.key };
    return { kind: "other", text: String(v) };
  }
  if (typeof v !== "string") return { kind: "none" };
  let t = cleanText(v).replace(/\.$/, "");
  if (/^\d+,\d+$/.test(t)) t = t.replace(",", ".");
  if (!/^\d+(?:\.\d+)*$/.test(t)) return { kind: "none" };
  const s = BY_STT.get(t.replace(/^0+(?=\d)/, ""));
  return s ? { kind: "known", key: s.key } : { kind: "other", text: t };
}

function readLabel(v: unknown): CapitalKey | null {
  if (typeof v !== "string" || v.length > 500) return null;
  const k = matchKey(v).replace(BULLETS, "");
  for (const { start, source } of LABEL_STARTS) if (k.startsWith(start)) return source.key;
  return null;
}

/** Unit named in the amount label: ×1 for million (or none), ×1000 for billion, null = another unit. */
function unitMultiplier(labelKey: string): number | null {
  if (/(?:^|[\s(])t[ỷỉ](?:\s*(?:đồng|vnđ|vnd))?(?:$|[\s),;.])/.test(labelKey)) return 1000;
  if (labelKey.includes("triệu")) return 1;
  if (/đồng|vnđ|vnd|usd|nghìn|ngàn|\$|(?:^|[\s(])(?:đ|dong)(?:$|[\s),;.])/.test(labelKey)) return null;
  return 1;
}

const FAILURE_CODE: Record<
  AmountFailure,
  | "capital.amount_invalid"
  | "capital.amount_negative"
  | "capital.amount_too_large"
  | "capital.amount_too_precise"
  | "capital.amount_ambiguous"
> = {
  invalid: "capital.amount_invalid",
  negative: "capital.amount_negative",
  too_large: "capital.amount_too_large",
  too_precise: "capital.amount_too_precise",
  ambiguous: "capital.amount_ambiguous",
};

/** Arguments of the amount issues: the value, and the stated maximum of a line (million VND). */
function tooLargeArgs(value: unknown) {
  return { value: showValue(value), max: formatVnMillion(MAX_LINE_THOUSAND), maxEn: formatEnMillion(MAX_LINE_THOUSAND) };
}

/** Reads `Nguồn vốn` (docs/template.md): rows by STT or label, amounts exact, subtotal and total checked. */
export function parseCapital(sheet: SheetInput | undefined): { piece: CapitalPiece; issues: Issue[] } {
  const issues: Issue[] = [];
  const leaves = Object.fromEntries(CAPITAL_LEAF_KEYS.map((k) => [k, 0])) as Record<CapitalLeafKey, number>;
  const piece: CapitalPiece = { sheet: SHEETS.capital, leaves };
  if (!sheet) {
    issues.push(makeIssue("sheet.missing", { sheet: SHEETS.capital }, { sheet: SHEETS.capital }));
    return { piece, issues };
  }
  const grid = toGrid(sheet);
  const name = grid.name;
  piece.sheet = name;

  let h = -1;
  let sourceCol = -1;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, grid.rows.length) && h < 0; r++) {
    const row = grid.rows[r]!;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" && v.length <= 100 && matchKey(v) === SOURCE_KEY) {
        h = r;
        sourceCol = c;
        break;
      }
    }
  }
  if (h < 0) {
    issues.push(makeIssue("capital.header_not_found", { sheet: name }));
    return { piece, issues };
  }
  const header = grid.rows[h]!;
  let sttCol = -1;
  let amountCol = -1;
  for (let c = 0; c < header.length; c++) {
    const v = header[c];
    if (typeof v !== "string" || v.length > 300) continue;
    const k = matchKey(v);
    if (sttCol < 0 && k === STT_KEY) sttCol = c;
    if (amountCol < 0 && k.startsWith(AMOUNT_PREFIX)) amountCol = c;
  }
  const headerPlace = { sheet: name, row: sheetRow(grid, h) };
  let multiplier = 1;
  if (amountCol < 0) {
    issues.push(makeIssue("capital.amount_column_missing", headerPlace));
  } else {
    const label = header[amountCol] as string;
    const m = unitMultiplier(matchKey(label));
    if (m === null) {
      // Reported; the amounts are still read (as million VND) so their own errors show too.
      issues.push(makeIssue("capital.unit_unknown", { ...headerPlace, cell: address(grid, h, amountCol) }, { label: cleanText(label) }));
    }
    multiplier = m ?? 1;
  }

  const seen = new Map<CapitalKey, number>();
  const typed: Partial<Record<"direct" | "total", { thousand: number; cell: string; row: number }>> = {};
  let leafInvalid = amountCol < 0;
  for (let r = h + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    const sttV = sttCol >= 0 ? row[sttCol] : undefined;
    const labelV = row[sourceCol];
    const amountV = amountCol >= 0 ? row[amountCol] : undefined;
    const wsRow = sheetRow(grid, r);
    const stt = readStt(sttV);
    const byLabel = readLabel(labelV);
    let key: CapitalKey | null = null;
    if (stt.kind === "known") {
      if (byLabel !== null && byLabel !== stt.key) {
        issues.push(
          makeIssue(
            "capital.stt_label_conflict",
            { sheet: name, row: wsRow, cell: address(grid, r, sttCol) },
            {
              stt: showValue(sttV),
              sttSource: SOURCE_OF.get(stt.key)!.label,
              label: cleanText(String(labelV)),
            },
          ),
        );
        leafInvalid = true;
        continue;
      }
      key = stt.key;
    } else if (stt.kind === "none") {
      key = byLabel;
    }
    if (key === null) {
      if (isEmptyCell(sttV) && isEmptyCell(labelV) && isEmptyCell(amountV)) continue;
      const text =
        [sttV, labelV]
          .filter((v) => !isEmptyCell(v))
          .map(showValue)
          .join(" ") || showValue(amountV);
      const c = stt.kind === "other" ? sttCol : !isEmptyCell(labelV) ? sourceCol : amountCol >= 0 ? amountCol : sourceCol;
      issues.push(makeIssue("capital.unknown_row", { sheet: name, row: wsRow, cell: address(grid, r, c) }, { text }));
      continue;
    }
    const firstRow = seen.get(key);
    if (firstRow !== undefined) {
      issues.push(
        makeIssue(
          "capital.row_duplicate",
          { sheet: name, row: wsRow, cell: address(grid, r, stt.kind === "known" ? sttCol : sourceCol) },
          { source: SOURCE_OF.get(key)!.label, firstRow },
        ),
      );
      leafInvalid = true;
      continue;
    }
    seen.set(key, wsRow);
    if (amountCol < 0) continue;
    const cellPlace = { sheet: name, row: wsRow, cell: address(grid, r, amountCol) };
    const reading = readAmount(amountV);
    let thousand = 0;
    // A source line above the stated maximum is refused; the typed subtotal and total are only
    // compared with the sum of the lines (at most 7 × the maximum), exactly below MAX_MILLI.
    const max = key === "direct" || key === "total" ? MAX_MILLI : MAX_LINE_THOUSAND;
    if (!reading.ok) {
      issues.push(makeIssue(FAILURE_CODE[reading.kind], cellPlace, tooLargeArgs(amountV)));
    } else {
      thousand = reading.milli * multiplier;
      if (thousand > max) issues.push(makeIssue("capital.amount_too_large", cellPlace, tooLargeArgs(amountV)));
    }
    const ok = reading.ok && thousand <= max;
    if (key === "direct" || key === "total") {
      if (ok && !reading.empty) typed[key] = { thousand, ...cellPlace };
      continue;
    }
    if (!ok) {
      leafInvalid = true;
      continue;
    }
    leaves[key] = thousand;
  }

  for (const k of CAPITAL_LEAF_KEYS) {
    if (!seen.has(k)) {
      const s = SOURCE_OF.get(k)!;
      issues.push(makeIssue("capital.row_missing", { sheet: name }, { stt: s.stt ?? "", label: s.label }));
    }
  }
  if (!leafInvalid) {
    for (const k of ["direct", "total"] as const) {
      const t = typed[k];
      if (!t) continue;
      const computed = SOURCE_OF.get(k)!.sumOf!.reduce((sum, leaf) => sum + leaves[leaf], 0);
      if (t.thousand !== computed) {
        issues.push(
          makeIssue(
            k === "direct" ? "capital.subtotal_mismatch" : "capital.total_mismatch",
            { sheet: name, row: t.row, cell: t.cell },
            {
              typed: formatVnMillion(t.thousand),
              computed: formatVnMillion(computed),
              typedEn: formatEnMillion(t.thousand),
              computedEn: formatEnMillion(computed),
            },
          ),
        );
      }
    }
  }
  return { piece, issues };
}
