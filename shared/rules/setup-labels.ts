import { NTM_TARGET_FLAG } from "../setup/types.ts";
import { CRITERIA_COLUMNS } from "../template/labels.ts";
import { matchKey } from "../text/match.ts";

/**
 * Typed attributes and flags are keyed by label; a body from any client may spell a label the way
 * the template accepts it (`Phấn đấu đạt chuẩn` for `Phấn đấu đạt chuẩn NTM`, NFD, case). These
 * find a value or a column by any accepted form of a label.
 */
export const TARGET_LABELS: readonly string[] = [NTM_TARGET_FLAG, ...CRITERIA_COLUMNS.ntmTarget];
export const DISTRICT_DIFFICULT_LABELS: readonly string[] = CRITERIA_COLUMNS.districtDifficult;
export const BORDER_COMMUNE_LABELS: readonly string[] = CRITERIA_COLUMNS.border;

/** A matcher of the accepted forms of a label. */
export function labelMatcher(labels: readonly string[]): (key: string) => boolean {
  const keys = new Set(labels.map(matchKey));
  const memo = new Map<string, boolean>();
  return (key) => {
    let hit = memo.get(key);
    if (hit === undefined) {
      hit = keys.has(matchKey(key));
      memo.set(key, hit);
    }
    return hit;
  };
}

/** The value of the first key of `record` that `is` accepts, or undefined. */
export function valueBy<T>(record: Readonly<Record<string, T>> | undefined, is: (key: string) => boolean): T | undefined {
  if (!record) return undefined;
  for (const key in record) if (is(key)) return record[key];
  return undefined;
}

/**
 * A unit's or commune's name without its kind, for a lenient comparison: `Huyện Cao Lộc` ~
 * `Cao Lộc`, `Xã Thất Khê` ~ `Thất Khê`, `Phường Đông Kinh` ~ `Đông Kinh`.
 */
export function bareName(name: string): string {
  return matchKey(name).replace(/^(?:huyện|thành phố|thị xã|thị trấn|xã|phường|tp\.?|tt\.?|h\.)\s*/, "");
}
