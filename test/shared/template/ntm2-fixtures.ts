import type { Setup, SetupCommune } from "../../../shared/setup/types.ts";
import type { SheetInput } from "../../../shared/template/input.ts";
import { SET_2016_2020, SET_2021_2025, SET_2026_2030 } from "../../../shared/setup/criteria-sets.ts";
import { DEFAULT_CAPITAL_ROWS } from "../../../shared/setup/defaults.ts";
import { buildNtm2Template } from "../../../shared/template/build-template-ntm2.ts";
import { ntm2Layout } from "../../../shared/template/build-criteria-ntm2.ts";
import { ntm2Columns } from "../../../shared/template/ntm2-columns.ts";
import { cellAddress } from "../../../shared/template/a1.ts";
import { sheetInput, setCell } from "../helpers/grid.ts";

/**
 * Setups of the NTM-2 tests (codes invented) and filled NTM-2 workbooks as Excel's Range.values
 * gives them (formulas read "").
 *
 * XA_2027: level xã, set 2026-2030 (10 criteria, groups), attribute `Xã biên giới`, plan flag
 * `NTM nâng cao`, capital rows 1 (= 1.1 + 1.2), 1.1, 1.2, 2, 3. Three communes, each its own unit.
 * HUYEN_2023: level huyện, set 2021-2025 (19), two districts (183 border, 185 not), a commune list
 * of five (attribute `Xã biên giới`), plan flags `NTM nâng cao`, `NTM kiểu mẫu`, the 2018 capital rows.
 * FREE_2026: level huyện without a commune list, set 2026-2030; FREE_2019: the same with 2016-2020.
 */
export const BORDER = "Xã biên giới";
export const ADVANCED = "NTM nâng cao";
export const MODEL = "NTM kiểu mẫu";

const commune = (code: string, name: string, unit: string, group: 1 | 2 | 3 | null, border: boolean): SetupCommune => ({
  code,
  name,
  unit,
  group,
  attributes: { [BORDER]: border },
  formerCodes: [],
});

const XA_COMMUNES = [
  commune("06001", "Thất Khê", "06001", 3, true),
  commune("06004", "Đoàn Kết", "06004", 2, false),
  commune("06007", "Tân Tiến", "06007", 1, false),
];

export const XA_2027: Setup = {
  year: 2027,
  criteriaSet: SET_2026_2030,
  level: "xã",
  units: XA_COMMUNES.map((c) => ({ code: c.code, name: `Xã ${c.name}`, attributes: {} })),
  communes: XA_COMMUNES,
  planFlags: [ADVANCED],
  capitalRows: [
    { stt: "1", label: "Ngân sách nhà nước" },
    { stt: "1.1", label: "Ngân sách Trung ương" },
    { stt: "1.2", label: "Ngân sách tỉnh" },
    { stt: "2", label: "Vốn lồng ghép Chương trình giảm nghèo bền vững" },
    { stt: "3", label: "Nhân dân đóng góp" },
  ],
  deadlines: { plan: "2027-03-31", result: null },
  origin: "applied",
};

export const HUYEN_2023: Setup = {
  year: 2023,
  criteriaSet: SET_2021_2025,
  level: "huyện",
  units: [
    { code: "183", name: "Huyện Cao Lộc", attributes: { "Huyện biên giới": true } },
    { code: "185", name: "Huyện Bắc Sơn", attributes: { "Huyện biên giới": false } },
  ],
  communes: [
    commune("06148", "Hoàng Đồng", "183", null, false),
    commune("06151", "Tân Liên", "183", null, true),
    commune("06154", "Gia Cát", "183", null, false),
    commune("06400", "Vũ Lăng", "185", null, false),
    commune("06403", "Hưng Vũ", "185", null, false),
  ],
  planFlags: [ADVANCED, MODEL],
  capitalRows: DEFAULT_CAPITAL_ROWS,
  deadlines: { plan: null, result: null },
  origin: "applied",
};

export const FREE_2026: Setup = {
  year: 2026,
  criteriaSet: SET_2026_2030,
  level: "huyện",
  units: [
    { code: "183", name: "Huyện Cao Lộc", attributes: { "Huyện biên giới": true } },
    { code: "185", name: "Huyện Bắc Sơn", attributes: { "Huyện biên giới": false } },
  ],
  communes: null,
  planFlags: [],
  capitalRows: DEFAULT_CAPITAL_ROWS,
  deadlines: { plan: null, result: null },
  origin: "applied",
};

export const FREE_2019: Setup = { ...FREE_2026, year: 2019, criteriaSet: SET_2016_2020 };

export const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** What one row of `Tiêu chí` gets: code and name typed only without a list; marks by label; criteria met. */
export type Ntm2Fill = {
  code?: unknown;
  name?: unknown;
  group?: unknown;
  marks?: Record<string, unknown>;
  baseline?: readonly number[];
  plan?: readonly number[];
};

export type Ntm2Workbook = { sheets: SheetInput[]; info: SheetInput; criteria: SheetInput; capital: SheetInput };

/** Grid column (1-based) of criterion k's HT or KH in the generated NTM-2 layout of a setup. */
export function ntm2Column(setup: Setup, k: number, sub: "HT" | "KH"): number {
  const L = ntm2Layout(ntm2Columns(setup), setup.criteriaSet.criteria.length);
  return L.firstCriterionColumn + 2 * (k - 1) + (sub === "KH" ? 1 : 0);
}

/** Grid column of a mark (attribute or flag) label. */
export function markColumn(setup: Setup, label: string): number {
  const columns = ntm2Columns(setup);
  const L = ntm2Layout(columns, setup.criteriaSet.criteria.length);
  const i = columns.marks.findIndex((m) => m.label === label);
  if (i < 0) throw new Error(`no column ${label}`);
  return L.markColumns[i]!;
}

/** The generated NTM-2 template of `unit`, rows filled (index i = data row i), capital leaves by STT (million VND). */
export function ntm2Workbook(
  setup: Setup,
  unit: string,
  rows: readonly Ntm2Fill[],
  capital: Record<string, unknown> = {},
  blankRows = 3,
): Ntm2Workbook {
  const u = setup.units.find((x) => x.code === unit)!;
  const sheets = buildNtm2Template(setup, u, blankRows).map((m) => sheetInput(m));
  const [info, criteria, capitalSheet] = sheets as [SheetInput, SheetInput, SheetInput];
  const columns = ntm2Columns(setup);
  const L = ntm2Layout(columns, setup.criteriaSet.criteria.length);
  const markAt = new Map(columns.marks.map((m, i) => [m.label, L.markColumns[i]!]));
  rows.forEach((f, i) => {
    const r = L.firstDataRow + i;
    if (f.code !== undefined) setCell(criteria, cellAddress(r, L.codeColumn), f.code);
    if (f.name !== undefined) setCell(criteria, cellAddress(r, L.nameColumn), f.name);
    if (f.group !== undefined && L.groupColumn !== null) setCell(criteria, cellAddress(r, L.groupColumn), f.group);
    for (const [label, v] of Object.entries(f.marks ?? {})) setCell(criteria, cellAddress(r, markAt.get(label)!), v);
    const b = new Set(f.baseline ?? []);
    const p = new Set(f.plan ?? []);
    setup.criteriaSet.criteria.forEach((c, k) => {
      setCell(criteria, cellAddress(r, L.firstCriterionColumn + 2 * k), b.has(c.number) ? "Đạt" : "Chưa đạt");
      setCell(criteria, cellAddress(r, L.firstCriterionColumn + 2 * k + 1), p.has(c.number) ? "Đạt" : "Chưa đạt");
    });
  });
  setup.capitalRows.forEach((row, i) => {
    if (row.stt in capital) setCell(capitalSheet, `C${5 + i}`, capital[row.stt]);
  });
  return { sheets, info, criteria, capital: capitalSheet };
}
