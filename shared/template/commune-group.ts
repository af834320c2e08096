import type { CommuneGroup } from "../setup/types.ts";
import { matchKey, stripDiacritics } from "../text/match.ts";
import { isEmptyCell } from "./yes-no.ts";

/**
 * A `Nhóm xã` cell (commune group of the 2026-2030 set, docs/setup.md): the number 1, 2 or 3, as a
 * number cell or text, with or without the word (`2`, `Nhóm 2`, `nhom 2`, `N2`); empty = no group.
 */
export type GroupReading = { ok: true; group: CommuneGroup | null } | { ok: false };

const GROUP_TEXT = /^(?:nhom|n)?\s*0?([123])$/;

export function readGroup(value: unknown): GroupReading {
  if (isEmptyCell(value)) return { ok: true, group: null };
  if (typeof value === "number") return value === 1 || value === 2 || value === 3 ? { ok: true, group: value } : { ok: false };
  if (typeof value !== "string" || value.length > 40) return { ok: false };
  const m = GROUP_TEXT.exec(stripDiacritics(matchKey(value)));
  return m ? { ok: true, group: Number(m[1]) as CommuneGroup } : { ok: false };
}
