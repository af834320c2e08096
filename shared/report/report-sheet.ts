import type { ReferenceData } from "../reference/index.ts";
import type { Report, ReportDistrict } from "../schemas/report.ts";
import { BANDS } from "../reference/bands.ts";
import { CAPITAL_KEYS, CAPITAL_SOURCES } from "../reference/capital-sources.ts";
import { GROUPS } from "../reference/groups.ts";
import { millionToThousand } from "../money.ts";
import { SHEETS } from "../template/labels.ts";
import { cellAddress } from "../template/a1.ts";
import { missingDistrict } from "./build-report.ts";

/**
 * The `Tổng hợp` sheet (docs/report.md) as data: the CLI's .xlsx writer and the Excel add-in both draw
 * it from this model, so the layout lives here once. Rows and columns are 1-based.
 */
export type ReportCell = string | number | boolean | null;

export type ReportTable = {
  /** Excel table name: NTM_Districts, NTM_Overview, ... */
  name: string;
  /** Row of the header row. */
  topRow: number;
  leftColumn: number;
  headers: string[];
  rows: ReportCell[][];
  /** Number format per column. */
  numberFormats: string[];
  /** Values of the table's totals row (first cell the label), written just below the rows. */
  totalsRow?: ReportCell[];
};

export type ReportChart = {
  kind: "bar" | "pie";
  title: string;
  /** Name of the table whose data the chart draws. */
  table: string;
  /** 0-based column indexes within the table. */
  categoryColumn: number;
  valueColumn: number;
  /** 0-based data rows to draw (inclusive); all rows when absent. */
  dataRows?: { first: number; last: number };
  anchorCell: string;
};

export type ReportSheetModel = {
  name: "Tổng hợp";
  title: string;
  titleCell: "A1";
  tables: ReportTable[];
  charts: ReportChart[];
  /** A4 landscape; `repeatRows` are printed on every page. */
  print: { orientation: "landscape"; paperSize: "A4"; repeatRows: string };
  columnWidths: number[];
};

export const FORMAT = { text: "@", general: "General", count: "#,##0", percent: "0.0", average: "0.00", money: "#,##0.0" } as const;

export const STATUS_TEXT: Record<ReportDistrict["status"], string> = {
  missing: "Chưa nộp",
  submitted: "Đã nộp",
  returned: "Đã trả lại",
  accepted: "Đã chấp nhận",
};

const pad = (n: number) => String(n).padStart(2, "0");

/** ISO 8601 instant → `dd/mm/yyyy HH:mm` in Vietnam time (UTC+7, no daylight saving). */
export function formatVietnamTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + 7 * 3600 * 1000);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** million VND (≤ 3 decimals) → billion VND, exact to the 6 decimals it can have. */
function billion(million: number): number {
  return millionToThousand(million) / 1_000_000;
}

/** Every reference district (in reference order) then the report's other districts. */
function districtRows(report: Report, reference: ReferenceData): ReportDistrict[] {
  const byCode = new Map(report.districts.map((d) => [d.code, d]));
  const known = new Set(reference.districts.map((d) => d.code));
  return [
    ...reference.districts.map((d) => byCode.get(d.code) ?? missingDistrict(d.code, d.name)),
    ...report.districts.filter((d) => !known.has(d.code)),
  ];
}

const CAPITAL_SHORT: Record<(typeof CAPITAL_KEYS)[number], string> = {
  direct: "(1) Vốn đầu tư trực tiếp",
  central: "(1.1) Ngân sách Trung ương",
  local: "(1.2) Ngân sách địa phương",
  integrated: "(2) Vốn lồng ghép",
  enterprise: "(3) Doanh nghiệp, HTX",
  credit: "(4) Vốn tín dụng",
  community: "(5) Cộng đồng dân cư",
  other: "(6) Huy động khác",
  total: "Tổng cộng",
};

/** The `Tổng hợp` sheet of docs/report.md: title in A1, then the seven tables from row 3, two empty rows apart. */
export function buildReportSheet(report: Report, reference: ReferenceData): ReportSheetModel {
  const rows = districtRows(report, reference);
  const received = rows.filter((d) => d.status !== "missing").length;
  const title = `TỔNG HỢP KẾ HOẠCH XÂY DỰNG NÔNG THÔN MỚI NĂM ${report.year} - Cập nhật ${formatVietnamTime(report.generatedAt)} (giờ Việt Nam) - Đã nhận ${received}/${rows.length} huyện`;
  const { count, percent, average, money, text, general } = FORMAT;
  const o = report.overview;

  const tables: Omit<ReportTable, "topRow" | "leftColumn">[] = [
    {
      name: "NTM_Districts",
      headers: [
        "Mã huyện",
        "Tên huyện",
        "Trạng thái",
        "Lần nộp",
        "Thời gian nộp",
        "Người nộp",
        "Người lập",
        "Số điện thoại",
        "Số xã",
        "Số xã đạt chuẩn NTM (KH)",
        "Bình quân tiêu chí/xã (KH)",
        "Tổng vốn (triệu đồng)",
      ],
      numberFormats: [text, general, general, count, text, general, general, text, count, count, average, money],
      rows: rows.map((d) => [
        d.code,
        d.name,
        STATUS_TEXT[d.status],
        d.revision,
        d.submittedAt === null ? null : formatVietnamTime(d.submittedAt),
        d.submittedBy,
        d.preparedBy,
        d.phone,
        d.communes,
        d.ntmPlan,
        d.avgCriteriaPlan,
        d.capitalTotal,
      ]),
      totalsRow: [
        "Tổng cộng",
        null,
        `Đã nhận ${received}/${rows.length}`,
        null,
        null,
        null,
        null,
        null,
        rows.reduce((s, d) => s + d.communes, 0),
        rows.reduce((s, d) => s + d.ntmPlan, 0),
        o.avgCriteria.plan,
        report.capital.sources.find((x) => x.key === "total")?.amount ?? 0,
      ],
    },
    {
      name: "NTM_Overview",
      headers: [
        "Tổng số xã",
        "Xã đạt chuẩn NTM đầu năm (HT)",
        "Xã đạt chuẩn NTM kế hoạch (KH)",
        "Tăng thêm",
        "Bình quân tiêu chí/xã đầu năm (HT)",
        "Bình quân tiêu chí/xã kế hoạch (KH)",
      ],
      numberFormats: [count, count, count, count, average, average],
      rows: [[o.communes, o.ntm.baseline, o.ntm.plan, o.ntm.added, o.avgCriteria.baseline, o.avgCriteria.plan]],
    },
    {
      name: "NTM_Bands",
      headers: ["Nhóm xã theo số tiêu chí đạt", "Đầu năm (HT)", "Kế hoạch (KH)", "Tỷ lệ KH (%)"],
      numberFormats: [general, count, count, percent],
      rows: report.bands.map((b) => [BANDS.find((x) => x.key === b.band)?.label ?? b.band, b.baseline, b.plan, b.planPercent]),
    },
    {
      name: "NTM_Criteria",
      headers: ["TC", "Tên tiêu chí", "Số xã đạt đầu năm (HT)", "Số xã đạt kế hoạch (KH)", "Tăng thêm", "Tỷ lệ KH (%)"],
      numberFormats: [count, general, count, count, count, percent],
      rows: report.criteria.map((c) => [c.number, c.name, c.baseline, c.plan, c.added, c.planPercent]),
    },
    {
      name: "NTM_Groups",
      headers: ["Nhóm xã", "Số xã", "Bình quân tiêu chí/xã đầu năm (HT)", "Bình quân tiêu chí/xã kế hoạch (KH)"],
      numberFormats: [general, count, average, average],
      rows: report.groups.map((g) => [
        GROUPS.find((x) => x.key === g.group)?.label ?? g.group,
        g.communes,
        g.avgCriteria.baseline,
        g.avgCriteria.plan,
      ]),
    },
    {
      name: "NTM_Capital",
      headers: ["STT", "Nguồn vốn", "Kế hoạch (triệu đồng)", "Kế hoạch (tỷ đồng)", "Tỷ lệ (%)"],
      numberFormats: [text, general, money, money, percent],
      rows: CAPITAL_SOURCES.map((s) => {
        const src = report.capital.sources.find((x) => x.key === s.key);
        const amount = src?.amount ?? 0;
        return [s.stt, s.label, amount, billion(amount), src?.percent ?? null];
      }),
    },
    {
      name: "NTM_CapitalByDistrict",
      headers: ["Mã huyện", "Tên huyện", ...CAPITAL_KEYS.map((k) => CAPITAL_SHORT[k])],
      numberFormats: [text, general, ...CAPITAL_KEYS.map(() => money)],
      rows: rows.map((d) => {
        const amounts = report.capital.byDistrict.find((b) => b.code === d.code)?.amounts ?? {};
        return [d.code, d.name, ...CAPITAL_KEYS.map((k) => amounts[k] ?? 0)];
      }),
      totalsRow: ["Tổng cộng", null, ...CAPITAL_KEYS.map((k) => report.capital.sources.find((x) => x.key === k)?.amount ?? 0)],
    },
  ];

  let top = 3;
  const placed: ReportTable[] = tables.map((t) => {
    const table: ReportTable = { ...t, topRow: top, leftColumn: 1 };
    top += 1 + t.rows.length + (t.totalsRow ? 1 : 0) + 2; // header, rows, totals, two empty rows
    return table;
  });
  const widest = Math.max(...placed.map((t) => t.headers.length));
  const chartColumn = widest + 2;
  const criteriaTable = placed.find((t) => t.name === "NTM_Criteria")!;
  const capitalTable = placed.find((t) => t.name === "NTM_Capital")!;
  const leaves = CAPITAL_SOURCES.map((s, i) => ({ s, i }))
    .filter(({ s }) => !s.sumOf)
    .map(({ i }) => i);

  return {
    name: SHEETS.report,
    title,
    titleCell: "A1",
    tables: placed,
    charts: [
      {
        kind: "bar",
        title: "Số xã đạt từng tiêu chí theo kế hoạch",
        table: "NTM_Criteria",
        categoryColumn: 1,
        valueColumn: 3,
        anchorCell: cellAddress(criteriaTable.topRow, chartColumn),
      },
      {
        kind: "pie",
        title: "Cơ cấu vốn theo nguồn",
        table: "NTM_Capital",
        categoryColumn: 1,
        valueColumn: 2,
        dataRows: { first: Math.min(...leaves), last: Math.max(...leaves) },
        anchorCell: cellAddress(capitalTable.topRow, chartColumn),
      },
    ],
    print: { orientation: "landscape", paperSize: "A4", repeatRows: "1:1" },
    columnWidths: [26, 44, 16, 14, 18, 18, 18, 14, 14, 16, 16, 16],
  };
}
