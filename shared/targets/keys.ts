import { CAPITAL_TOTAL_KEY } from "../report/capital-rows.ts";
import type { Setup, SetupBand } from "../setup/types.ts";
import { CRITERION_LABEL, criterionLabel } from "../template/labels.ts";
import { matchKey, stripDiacritics } from "../text/match.ts";

/**
 * The keys of a year's targets (cycle.md "Targets"): `ntm`, `criterion:<k>`, `band:<band key>`,
 * `capital:total`, `capital:<STT>`; how the `Chỉ tiêu` workbook names them (`Số xã đạt chuẩn NTM`,
 * `TC2` or `TC2 - Giao thông`, `Đạt 15-18 tiêu chí`, `Dưới 5 tiêu chí`, `Tổng vốn`, `Vốn 4`), and
 * which of them a year's setup has. Counts are communes; capital is million VND.
 */
export const TARGET_SHEETS = { province: "Chỉ tiêu tỉnh", units: "Chỉ tiêu đơn vị" } as const;
export const YEAR_KEY_LABEL = "Năm kế hoạch";
export const NTM_LABEL = "Số xã đạt chuẩn NTM";
export const CAPITAL_TOTAL_TARGET_LABEL = "Tổng vốn";
export const UNIT_CODE_LABEL = "Mã đơn vị";
export const UNIT_NAME_LABEL = "Tên đơn vị";
/** Header words of the `Chỉ tiêu tỉnh` table (its header row is not a key). */
export const PROVINCE_HEADERS = { key: "Chỉ tiêu", value: "Mục tiêu" } as const;

export const NTM_KEY = "ntm";
export const CAPITAL_TOTAL_TARGET = `capital:${CAPITAL_TOTAL_KEY}`;

export type TargetKind = "count" | "capital";

/** A key as typed, before it is checked against the setup. */
export type ParsedKey = { key: string; kind: TargetKind };

/** Folded for matching: NFC, spaces, lower case, no diacritics, dash forms and the spaces around them as `-`. */
function fold(text: string): string {
  return stripDiacritics(matchKey(text))
    .replace(/\s*[-\u2010-\u2015\u2212]\s*/g, "-")
    .replace(/\s*<\s*/g, "<");
}

const YEAR = fold(YEAR_KEY_LABEL);
const NTM = [fold(NTM_LABEL), fold("Xã đạt chuẩn NTM"), fold("Số xã đạt chuẩn nông thôn mới")];
const TOTAL = /^tong von(?:$|\s|\()/;
const STT = /^von\s*(\d+(?:\.\d+)*)(?=$|\s|-|:|\()/;
const BAND_ABOVE = /^dat\s*(\d+(?:-\d+)?)\s*tieu chi(?:$|\s|\()/;
const BAND_BELOW = /^duoi\s*(\d+)\s*tieu chi(?:$|\s|\()/;

/** True when the label is `Năm kế hoạch`. */
export function isYearLabel(label: string): boolean {
  return fold(label) === YEAR;
}

/** True when the label is a header word of the province table (`Chỉ tiêu`). */
export function isHeaderLabel(label: string): boolean {
  return fold(label) === fold(PROVINCE_HEADERS.key);
}

/**
 * A key label → its key, or null when it is no target key at all (`targets.key_unknown`). The band
 * and capital keys are the ones the label names; whether the setup has them is `keyInSetup`.
 */
export function parseKeyLabel(label: string): ParsedKey | null {
  const f = fold(label);
  if (f === "") return null;
  if (NTM.includes(f)) return { key: NTM_KEY, kind: "count" };
  const tc = CRITERION_LABEL.exec(matchKey(label)) ?? CRITERION_LABEL.exec(f);
  if (tc) return { key: `criterion:${Number(tc[1])}`, kind: "count" };
  if (TOTAL.test(f)) return { key: CAPITAL_TOTAL_TARGET, kind: "capital" };
  const stt = STT.exec(f);
  if (stt) return { key: `capital:${stt[1]}`, kind: "capital" };
  const above = BAND_ABOVE.exec(f);
  if (above) return { key: `band:${above[1]}`, kind: "count" };
  const below = BAND_BELOW.exec(f);
  if (below) return { key: `band:<${below[1]}`, kind: "count" };
  return null;
}

/** The kind of a key string of the JSON, or null when it has no key form. */
export function kindOfKey(key: string): TargetKind | null {
  if (key === NTM_KEY || /^criterion:\d{1,2}$/.test(key) || /^band:.{1,50}$/.test(key)) return "count";
  if (/^capital:(?:total|\d+(?:\.\d+)*)$/.test(key)) return "capital";
  return null;
}

/** The band of the setup a `band:` key names: by its key (`15-18`, `<5`) or its label, folded. */
export function bandOfKey(setup: Setup, key: string): SetupBand | null {
  if (!key.startsWith("band:")) return null;
  const name = fold(key.slice(5));
  const bands = setup.criteriaSet.bands;
  const below = /^<(\d+)$/.exec(name);
  return (
    bands.find((b) => fold(b.key) === name || fold(b.label) === name) ??
    (below ? bands.find((b) => b.min === 0 && b.max + 1 === Number(below[1])) : undefined) ??
    bands.find((b) => fold(rangeOf(b)) === name) ??
    null
  );
}

/** A band's range as the workbook names it: `19`, `15-18`. */
function rangeOf(b: SetupBand): string {
  return b.min === b.max ? String(b.min) : `${b.min}-${b.max}`;
}

/** How the workbook names a band: `Dưới 5 tiêu chí` for a band from 0, else `Đạt 15-18 tiêu chí`. */
export function bandWorkbookLabel(b: SetupBand): string {
  return b.min === 0 && b.max > 0 ? `Dưới ${b.max + 1} tiêu chí` : `Đạt ${rangeOf(b)} tiêu chí`;
}

/** The canonical key the setup has for `key` (a band by its setup key), or null when the setup has none. */
export function keyInSetup(setup: Setup, key: string): string | null {
  if (key === NTM_KEY || key === CAPITAL_TOTAL_TARGET) return key;
  const criterion = /^criterion:(\d+)$/.exec(key);
  if (criterion) {
    const n = Number(criterion[1]);
    return n >= 1 && n <= setup.criteriaSet.criteria.length ? `criterion:${n}` : null;
  }
  if (key.startsWith("band:")) {
    const band = bandOfKey(setup, key);
    return band ? `band:${band.key}` : null;
  }
  const stt = /^capital:(.+)$/.exec(key);
  if (stt) return setup.capitalRows.some((r) => r.stt === stt[1]) ? key : null;
  return null;
}

/** Every key of a setup, in the order of the workbook and of the comparison: NTM, bands, criteria, capital total, capital rows. */
export function setupKeys(setup: Setup): string[] {
  return [
    NTM_KEY,
    ...setup.criteriaSet.bands.map((b) => `band:${b.key}`),
    ...setup.criteriaSet.criteria.map((c) => `criterion:${c.number}`),
    CAPITAL_TOTAL_TARGET,
    ...setup.capitalRows.map((r) => `capital:${r.stt}`),
  ];
}

/** The label of a key as the workbook writes it and the report shows it. */
export function keyLabel(setup: Setup, key: string): string {
  if (key === NTM_KEY) return NTM_LABEL;
  if (key === CAPITAL_TOTAL_TARGET) return `${CAPITAL_TOTAL_TARGET_LABEL} (triệu đồng)`;
  const criterion = /^criterion:(\d+)$/.exec(key);
  if (criterion) {
    const n = Number(criterion[1]);
    const c = setup.criteriaSet.criteria.find((x) => x.number === n);
    return c ? criterionLabel(n, c.name) : `TC${n}`;
  }
  if (key.startsWith("band:")) return bandOfKey(setup, key)?.label ?? key.slice(5);
  const stt = key.slice("capital:".length);
  const row = setup.capitalRows.find((r) => r.stt === stt);
  return row ? `Vốn ${stt} - ${row.label} (triệu đồng)` : `Vốn ${stt}`;
}

/** Display form of a key that the setup does not have (for messages): `TC20`, `Vốn 7`, the band as typed. */
export function keyShown(key: string): string {
  const criterion = /^criterion:(\d+)$/.exec(key);
  if (criterion) return `TC${criterion[1]}`;
  if (key.startsWith("band:")) return key.slice(5);
  if (key.startsWith("capital:")) return key === CAPITAL_TOTAL_TARGET ? CAPITAL_TOTAL_TARGET_LABEL : `Vốn ${key.slice(8)}`;
  return key === NTM_KEY ? NTM_LABEL : key;
}
