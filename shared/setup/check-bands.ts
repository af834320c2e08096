import type { Issue } from "../result.ts";
import { cleanText } from "../text/match.ts";
import { bandKey, defaultBandLabel } from "./labels.ts";
import { setupIssue } from "./messages.ts";
import type { TableSource } from "./place.ts";
import { placeOf } from "./place.ts";
import type { SetupJsonParsed } from "./schema.ts";
import type { SetupBand } from "./types.ts";

type BandInput = NonNullable<SetupJsonParsed["criteriaSet"]["bands"]>[number];

/**
 * The bands of a set of `size` criteria (docs/setup.md): each within 0..size with min ≤ max, keys
 * unique, and together covering 0..size exactly once (no overlap, no gap). The key is the given one
 * or derived from min/max (`19`, `15-18`, `<5`), the label the given one or a default. Returned from
 * the highest band down; null when any band is wrong (the issues say which).
 */
export function checkBands(input: readonly BandInput[], size: number, table: TableSource, issues: Issue[]): SetupBand[] | null {
  const before = issues.length;
  const bands: (SetupBand & { index: number })[] = [];
  const keys = new Map<string, number>();
  input.forEach((b, index) => {
    const label = cleanText(b.label) || defaultBandLabel(b.min, b.max);
    if (b.min < 0 || b.max > size || b.min > b.max) {
      issues.push(setupIssue("setup.band_invalid", placeOf(table, b.source, "min"), { label, min: b.min, max: b.max, size }));
      return;
    }
    const key = b.key !== undefined && cleanText(b.key) !== "" ? cleanText(b.key) : bandKey(b.min, b.max);
    if (keys.has(key)) {
      issues.push(setupIssue("setup.band_duplicate", placeOf(table, b.source, "label"), { key }));
      return;
    }
    keys.set(key, index);
    bands.push({ key, label, min: b.min, max: b.max, index });
  });
  if (issues.length > before) return null;

  const ascending = [...bands].sort((a, b) => a.min - b.min || a.max - b.max);
  let next = 0;
  let previous: (typeof bands)[number] | null = null;
  for (const b of ascending) {
    if (b.min > next)
      issues.push(setupIssue("setup.bands_gap", placeOf(table, input[b.index]?.source, "min"), { from: next, to: b.min - 1, size }));
    else if (b.min < next && previous) {
      issues.push(
        setupIssue("setup.bands_overlap", placeOf(table, input[b.index]?.source, "min"), {
          first: previous.label,
          second: b.label,
          from: b.min,
          to: Math.min(b.max, next - 1),
        }),
      );
    }
    if (b.max + 1 > next) {
      next = b.max + 1;
      previous = b;
    }
  }
  if (next <= size) issues.push(setupIssue("setup.bands_gap", { sheet: table?.sheet ?? null }, { from: next, to: size, size }));
  if (issues.length > before) return null;
  return ascending.reverse().map(({ key, label, min, max }) => ({ key, label, min, max }));
}
