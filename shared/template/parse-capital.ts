import type { Issue } from "../result.ts";
import type { CapitalLeafKey } from "../reference/capital-sources.ts";
import type { SheetInput } from "./input.ts";
import type { CapitalRowSpec } from "./read-capital-table.ts";
import { CAPITAL_SOURCES } from "../reference/capital-sources.ts";
import { readCapitalTable } from "./read-capital-table.ts";

export type CapitalPiece = {
  sheet: string;
  /** Leaves in integer thousand VND (0 where missing or unreadable; errors say so). */
  leaves: Record<CapitalLeafKey, number>;
};

/** The 2018 sources of docs/domain.md as rows of the sheet: `1` sums 1.1 + 1.2, `Tổng cộng` all leaves. */
const NTM1_ROWS: readonly CapitalRowSpec[] = CAPITAL_SOURCES.map((s) => ({
  key: s.key,
  stt: s.stt,
  label: s.label,
  labelStart: s.labelStart,
  ...(s.sumOf ? { sumOf: s.sumOf, mismatch: s.key === "total" ? "capital.total_mismatch" : "capital.subtotal_mismatch" } : {}),
}));

/** Reads `Nguồn vốn` of NTM-1 (docs/template.md): rows by STT or label, amounts exact, subtotal and total checked. */
export function parseCapital(sheet: SheetInput | undefined): { piece: CapitalPiece; issues: Issue[] } {
  const { piece, issues } = readCapitalTable(sheet, NTM1_ROWS);
  return { piece: { sheet: piece.sheet, leaves: piece.leaves as Record<CapitalLeafKey, number> }, issues };
}
