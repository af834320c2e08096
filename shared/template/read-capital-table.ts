import type { Issue } from "../result.ts";
import type { SheetInput } from "./input.ts";
import type { AmountFailure } from "../text/vn-number.ts";
import { cleanText, matchKey } from "../text/match.ts";
import { MAX_MILLI, formatEnMillion, formatVnMillion, readAmount } from "../text/vn-number.ts";
import { MAX_LINE_THOUSAND } from "../money.ts";
import { CAPITAL_COLUMNS, HEADER_SEARCH_ROWS, SHEETS } from "./labels.ts";
import { address, sheetRow, toGrid } from "./grid.ts";
import { makeIssue, showValue } from "./messages.ts";
import { DISBURSED_PREFIX } from "./result-labels.ts";
import { isEmptyCell } from "./yes-no.ts";

/**
 * The `Nguồn vốn` sheet (docs/template.md) for any list of rows: NTM-1 reads the 2018 sources
 * (parse-capital.ts), NTM-2 the rows of the year's setup (parse-ntm2.ts). Rows are found by STT, or
 * by the start of their label when STT is missing; amounts are exact; a row that sums others
 * (a subtotal, the total) is computed when empty and must equal its parts when typed.
 */
export type CapitalRowSpec = {
  key: string;
  /** STT as the template writes it; null for the total row. */
  stt: string | null;
  label: string;
  /** The start of the label that identifies the row when STT is missing (matched after matchKey). */
  labelStart: string;
  /** Leaf keys this row sums (subtotals and the total); absent for a leaf. */
  sumOf?: readonly string[];
  /** The issue when a typed sum differs from its parts (default `capital.row_sum_mismatch`). */
  mismatch?: "capital.subtotal_mismatch" | "capital.row_sum_mismatch" | "capital.total_mismatch";
};

export type CapitalTable = {
  sheet: string;
  /** Leaves in integer thousand VND, by key (0 where missing or unreadable; errors say so). */
  leaves: Record<string, number>;
  /** A result template (options.disbursed): the `Thực hiện` leaves, as `leaves`. */
  disbursed?: Record<string, number>;
  /** Where each disbursed leaf was read (by key), for the result rules' issues. */
  disbursedCells?: Record<string, { cell: string; row: number }>;
};

const SOURCE_KEY = matchKey(CAPITAL_COLUMNS.source);
const STT_KEY = matchKey(CAPITAL_COLUMNS.stt);
const AMOUNT_PREFIX = matchKey(CAPITAL_COLUMNS.amountPrefix);
const DISBURSED_KEY = matchKey(DISBURSED_PREFIX);
/** Leading bullets of a label (docs/template.md: `-`, `+`, `•`; dashes and `*` typed the same way). */
const BULLETS = /^(?:[-+•–—*·]\s*)+/;

type SttReading = { kind: "none" } | { kind: "known"; row: CapitalRowSpec } | { kind: "other"; text: string };

/** STT as text or number (Excel turns a typed 1.1 into the number 1.1, maybe 1.1000000000000001). */
function readStt(v: unknown, bySttMap: ReadonlyMap<string, CapitalRowSpec>): SttReading {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { kind: "none" };
    for (const [stt, row] of bySttMap) if (Math.abs(v - Number(stt)) < 1e-9) return { kind: "known", row };
    return { kind: "other", text: String(v) };
  }
  if (typeof v !== "string") return { kind: "none" };
  let t = cleanText(v).replace(/\.$/, "");
  if (/^\d+,\d+$/.test(t)) t = t.replace(",", ".");
  if (!/^\d+(?:\.\d+)*$/.test(t)) return { kind: "none" };
  const row = bySttMap.get(t.replace(/^0+(?=\d)/, ""));
  return row ? { kind: "known", row } : { kind: "other", text: t };
}

/** The row whose label start is the longest prefix of the typed label (bullets ignored). */
function readLabel(v: unknown, starts: readonly { start: string; row: CapitalRowSpec }[]): CapitalRowSpec | null {
  if (typeof v !== "string" || v.length > 500) return null;
  const k = matchKey(v).replace(BULLETS, "");
  let best: { start: string; row: CapitalRowSpec } | null = null;
  for (const s of starts) if (k.startsWith(s.start) && (best === null || s.start.length > best.start.length)) best = s;
  return best?.row ?? null;
}

/** Unit named in the amount label: ×1 for million (or none), ×1000 for billion, null = another unit. */
function unitMultiplier(labelKey: string): number | null {
  if (/(?:^|[\s(])t[ỷỉ](?:\s*(?:đồng|vnđ|vnd))?(?:$|[\s),;.])/.test(labelKey)) return 1000;
  if (labelKey.includes("triệu")) return 1;
  if (/đồng|vnđ|vnd|usd|nghìn|ngàn|\$|(?:^|[\s(])(?:đ|dong)(?:$|[\s),;.])/.test(labelKey)) return null;
  return 1;
}

const FAILURE_CODE = {
  invalid: "capital.amount_invalid",
  negative: "capital.amount_negative",
  too_large: "capital.amount_too_large",
  too_precise: "capital.amount_too_precise",
  ambiguous: "capital.amount_ambiguous",
} as const satisfies Record<AmountFailure, string>;

/** Arguments of the amount issues: the value, and the stated maximum of a line (million VND). */
function tooLargeArgs(value: unknown) {
  return { value: showValue(value), max: formatVnMillion(MAX_LINE_THOUSAND), maxEn: formatEnMillion(MAX_LINE_THOUSAND) };
}

/** One amount cell read by the plan column's rules: thousand VND, or null (its issue pushed). */
function readOne(
  v: unknown,
  spec: CapitalRowSpec,
  multiplier: number,
  place: { sheet: string; row: number; cell: string },
  issues: Issue[],
) {
  const reading = readAmount(v);
  const max = spec.sumOf ? MAX_MILLI : MAX_LINE_THOUSAND;
  if (!reading.ok) {
    issues.push(makeIssue(FAILURE_CODE[reading.kind], place, tooLargeArgs(v)));
    return null;
  }
  const thousand = reading.milli * multiplier;
  if (thousand > max) {
    issues.push(makeIssue("capital.amount_too_large", place, tooLargeArgs(v)));
    return null;
  }
  return { thousand, empty: reading.empty };
}

/**
 * Reads `Nguồn vốn` with the given rows (in template order); with `options.disbursed` (a result
 * template) also the column whose header starts with `Thực hiện`, by the same rules.
 */
export function readCapitalTable(
  sheet: SheetInput | undefined,
  rows: readonly CapitalRowSpec[],
  options: { disbursed?: boolean } = {},
): { piece: CapitalTable; issues: Issue[] } {
  const issues: Issue[] = [];
  const leafRows = rows.filter((r) => !r.sumOf);
  const leaves: Record<string, number> = Object.fromEntries(leafRows.map((r) => [r.key, 0]));
  const piece: CapitalTable = { sheet: SHEETS.capital, leaves };
  const done: Record<string, number> | null = options.disbursed ? Object.fromEntries(leafRows.map((r) => [r.key, 0])) : null;
  const doneCells: Record<string, { cell: string; row: number }> = {};
  if (done) {
    piece.disbursed = done;
    piece.disbursedCells = doneCells;
  }
  if (!sheet) {
    issues.push(makeIssue("sheet.missing", { sheet: SHEETS.capital }, { sheet: SHEETS.capital }));
    return { piece, issues };
  }
  const bySttMap = new Map(rows.filter((r) => r.stt !== null).map((r) => [r.stt!, r]));
  const starts = rows.map((row) => ({ start: matchKey(row.labelStart), row }));
  const sttOf = new Map(rows.map((r) => [r.key, r.stt ?? ""]));
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
  let doneCol = -1;
  for (let c = 0; c < header.length; c++) {
    const v = header[c];
    if (typeof v !== "string" || v.length > 300) continue;
    const k = matchKey(v);
    if (sttCol < 0 && k === STT_KEY) sttCol = c;
    if (amountCol < 0 && k.startsWith(AMOUNT_PREFIX)) amountCol = c;
    if (done && doneCol < 0 && k.startsWith(DISBURSED_KEY)) doneCol = c;
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
  let doneMultiplier = 1;
  if (done && doneCol < 0) issues.push(makeIssue("result.disbursed_column_missing", headerPlace));
  else if (done) {
    const label = header[doneCol] as string;
    const m = unitMultiplier(matchKey(label));
    if (m === null)
      issues.push(makeIssue("capital.unit_unknown", { ...headerPlace, cell: address(grid, h, doneCol) }, { label: cleanText(label) }));
    doneMultiplier = m ?? 1;
  }
  const doneTyped = new Map<CapitalRowSpec, { thousand: number; cell: string; row: number }>();
  let doneInvalid = doneCol < 0;

  const seen = new Map<string, number>();
  const typed = new Map<CapitalRowSpec, { thousand: number; cell: string; row: number }>();
  let leafInvalid = amountCol < 0;
  for (let r = h + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    const sttV = sttCol >= 0 ? row[sttCol] : undefined;
    const labelV = row[sourceCol];
    const amountV = amountCol >= 0 ? row[amountCol] : undefined;
    const wsRow = sheetRow(grid, r);
    const stt = readStt(sttV, bySttMap);
    const byLabel = readLabel(labelV, starts);
    let spec: CapitalRowSpec | null = null;
    if (stt.kind === "known") {
      if (byLabel !== null && byLabel !== stt.row) {
        issues.push(
          makeIssue(
            "capital.stt_label_conflict",
            { sheet: name, row: wsRow, cell: address(grid, r, sttCol) },
            { stt: showValue(sttV), sttSource: stt.row.label, label: cleanText(String(labelV)) },
          ),
        );
        leafInvalid = true;
        doneInvalid = true;
        continue;
      }
      spec = stt.row;
    } else if (stt.kind === "none") {
      spec = byLabel;
    }
    if (spec === null) {
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
    const firstRow = seen.get(spec.key);
    if (firstRow !== undefined) {
      issues.push(
        makeIssue(
          "capital.row_duplicate",
          { sheet: name, row: wsRow, cell: address(grid, r, stt.kind === "known" ? sttCol : sourceCol) },
          { source: spec.label, firstRow },
        ),
      );
      leafInvalid = true;
      doneInvalid = true;
      continue;
    }
    seen.set(spec.key, wsRow);
    if (done && doneCol >= 0) {
      const place = { sheet: name, row: wsRow, cell: address(grid, r, doneCol) };
      const read = readOne(row[doneCol], spec, doneMultiplier, place, issues);
      if (read === null) doneInvalid ||= !spec.sumOf;
      else if (spec.sumOf) {
        if (!read.empty) doneTyped.set(spec, { thousand: read.thousand, ...place });
      } else {
        done[spec.key] = read.thousand;
        doneCells[spec.key] = { cell: place.cell, row: wsRow };
      }
    }
    if (amountCol < 0) continue;
    const cellPlace = { sheet: name, row: wsRow, cell: address(grid, r, amountCol) };
    const reading = readAmount(amountV);
    let thousand = 0;
    // A source line above the stated maximum is refused; a typed sum is only compared with the
    // sum of its lines, exactly below MAX_MILLI.
    const max = spec.sumOf ? MAX_MILLI : MAX_LINE_THOUSAND;
    if (!reading.ok) {
      issues.push(makeIssue(FAILURE_CODE[reading.kind], cellPlace, tooLargeArgs(amountV)));
    } else {
      thousand = reading.milli * multiplier;
      if (thousand > max) issues.push(makeIssue("capital.amount_too_large", cellPlace, tooLargeArgs(amountV)));
    }
    const ok = reading.ok && thousand <= max;
    if (spec.sumOf) {
      if (ok && !reading.empty) typed.set(spec, { thousand, ...cellPlace });
      continue;
    }
    if (!ok) {
      leafInvalid = true;
      continue;
    }
    leaves[spec.key] = thousand;
  }

  for (const s of leafRows) {
    if (!seen.has(s.key)) issues.push(makeIssue("capital.row_missing", { sheet: name }, { stt: s.stt ?? "", label: s.label }));
  }
  const checks: [Map<CapitalRowSpec, { thousand: number; cell: string; row: number }>, Record<string, number>][] = [];
  if (!leafInvalid) checks.push([typed, leaves]);
  if (done && !doneInvalid) checks.push([doneTyped, done]);
  for (const [typed, leaves] of checks) {
    for (const s of rows) {
      const t = typed.get(s);
      if (!t || !s.sumOf) continue;
      const computed = s.sumOf.reduce((sum, leaf) => sum + (leaves[leaf] ?? 0), 0);
      if (t.thousand === computed) continue;
      issues.push(
        makeIssue(
          s.mismatch ?? "capital.row_sum_mismatch",
          { sheet: name, row: t.row, cell: t.cell },
          {
            stt: s.stt ?? "",
            parts: s.sumOf.map((k) => sttOf.get(k)).join(" + "),
            typed: formatVnMillion(t.thousand),
            computed: formatVnMillion(computed),
            typedEn: formatEnMillion(t.thousand),
            computedEn: formatEnMillion(computed),
          },
        ),
      );
    }
  }
  return { piece, issues };
}
