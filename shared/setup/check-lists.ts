import type { Issue } from "../result.ts";
import { cleanText, matchKey } from "../text/match.ts";
import { CRITERIA_COLUMNS } from "../template/labels.ts";
import { DEFAULT_CAPITAL_ROWS } from "./defaults.ts";
import { COMMUNE_COLUMNS, UNIT_COLUMNS } from "./labels.ts";
import { setupIssue } from "./messages.ts";
import { listPlace, placeOf } from "./place.ts";
import type { SetupJsonParsed } from "./schema.ts";
import type { SetupCapitalRow, SetupCommune, SetupUnit } from "./types.ts";
import { NTM_TARGET_FLAG } from "./types.ts";

type Source = SetupJsonParsed["source"];

/** STT of a capital row: `1`, `12`, `1.1`, `2.10`. */
const STT = /^\d{1,2}(\.\d{1,2})?$/;

/** Labels a template column already has: an attribute or plan flag may not take them. */
const FIXED_LABELS = new Set(
  [
    ...Object.values(COMMUNE_COLUMNS),
    ...Object.values(UNIT_COLUMNS),
    CRITERIA_COLUMNS.stt[0],
    CRITERIA_COLUMNS.count[0],
    NTM_TARGET_FLAG,
  ].map(matchKey),
);

/**
 * The plan flags of `Cờ kế hoạch` (docs/setup.md): cleaned, each once; `Phấn đấu đạt chuẩn NTM`
 * is always there and is dropped with a warning. A flag may not share its label with an attribute
 * of the units or communes, nor an attribute with a fixed column (`setup.label_conflict`).
 */
export function checkPlanFlags(
  input: readonly string[] | undefined,
  units: readonly SetupUnit[],
  communes: readonly SetupCommune[] | null,
  source: Source,
  issues: Issue[],
): string[] {
  const table = source?.planFlags;
  const flags: string[] = [];
  const keys = new Set<string>();
  (input ?? []).forEach((raw, i) => {
    const label = cleanText(raw);
    if (label === "") return;
    const key = matchKey(label);
    if (key === matchKey(NTM_TARGET_FLAG)) issues.push(setupIssue("setup.flag_builtin", listPlace(table, i, "label"), { label }));
    else if (keys.has(key)) issues.push(setupIssue("setup.flag_duplicate", listPlace(table, i, "label"), { label }));
    else {
      keys.add(key);
      flags.push(label);
    }
  });

  const attributeLabels = new Map<string, { label: string; sheet: string | null }>();
  const addLabels = (rows: readonly { attributes: Readonly<Record<string, boolean>> }[], sheet: string | null) => {
    for (const r of rows)
      for (const label of Object.keys(r.attributes))
        if (!attributeLabels.has(matchKey(label))) attributeLabels.set(matchKey(label), { label, sheet });
  };
  addLabels(units, source?.units?.sheet ?? null);
  addLabels(communes ?? [], source?.communes?.sheet ?? null);
  for (const [key, { label, sheet }] of attributeLabels) {
    if (FIXED_LABELS.has(key)) issues.push(setupIssue("setup.label_conflict", { sheet }, { label }));
  }
  flags.forEach((label, i) => {
    if (attributeLabels.has(matchKey(label))) issues.push(setupIssue("setup.label_conflict", listPlace(table, i, "label"), { label }));
  });
  return flags;
}

/**
 * The rows of `Nguồn vốn` (docs/setup.md): the 2018 list when none are given; else at least one,
 * each STT (`1`, `1.1`) once and readable, a child after its parent, each labelled.
 */
export function checkCapitalRows(input: SetupJsonParsed["capitalRows"], source: Source, issues: Issue[]): SetupCapitalRow[] {
  if (input === undefined) return [...DEFAULT_CAPITAL_ROWS];
  const table = source?.capital;
  if (input.length === 0) issues.push(setupIssue("setup.capital_none", { sheet: table?.sheet ?? null }));
  const rows: SetupCapitalRow[] = [];
  const seen = new Set<string>();
  for (const r of input) {
    const stt = cleanText(r.stt);
    if (!STT.test(stt)) {
      issues.push(setupIssue("setup.capital_stt_invalid", placeOf(table, r.source, "stt"), { stt: stt || '""' }));
      continue;
    }
    if (seen.has(stt)) {
      issues.push(setupIssue("setup.capital_stt_duplicate", placeOf(table, r.source, "stt"), { stt }));
      continue;
    }
    seen.add(stt);
    const parent = stt.includes(".") ? stt.slice(0, stt.indexOf(".")) : null;
    if (parent !== null && !seen.has(parent))
      issues.push(setupIssue("setup.capital_parent_missing", placeOf(table, r.source, "stt"), { stt, parent }));
    const label = cleanText(r.label);
    if (label === "") issues.push(setupIssue("setup.capital_label_missing", placeOf(table, r.source, "label"), { stt }));
    rows.push({ stt, label });
  }
  return rows;
}
