import type { Report, ReportUnit } from "../schemas/report.ts";
import { millionToThousand } from "../money.ts";
import { SHEETS } from "../template/labels.ts";
import { cellAddress } from "../template/a1.ts";
import { PALETTE } from "../template/palette.ts";
import { type RowHeight, heightForLines, reportRowHeights } from "../template/row-height.ts";
import type { CellStyle } from "../template/sheet-model.ts";
import { CAPITAL_TOTAL_KEY } from "./capital-rows.ts";
import type { Trend } from "../cycle/trend.ts";

/**
 * The `Tổng hợp` sheet (docs/report.md) as data: the CLI's .xlsx writer and the Excel add-in both draw
 * it from this model, so the layout lives here once. Rows and columns are 1-based.
 */
export type ReportCell = string | number | boolean | null;

/** A line of text above a table's header row (in the table's first column), e.g. the table's title. */
export type ReportCaption = { text: string; style: CellStyle };

export type ReportTable = {
  /** Excel table name: NTM_Units, NTM_Overview, ... */
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
  /** Lines directly above the header row (rows topRow - captions.length .. topRow - 1), first column. */
  captions?: ReportCaption[];
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
  /** Heights of the title row and the tables' header rows, fitted to their labels. */
  rowHeights: RowHeight[];
};

export const FORMAT = { text: "@", general: "General", count: "#,##0", percent: "0.0", average: "0.00", money: "#,##0.0" } as const;

/** Tables of the sheet before setups (NTM_Districts, NTM_CapitalByDistrict): a refresh deletes them first. */
export const RETIRED_TABLES = ["NTM_Districts", "NTM_CapitalByDistrict"] as const;

/**
 * Tables the sheet has only where the report has their data (NTM_Status: a server report, with its
 * cut), each with its number of caption lines: a refresh whose model lacks one deletes it and clears
 * its captions, as it does the retired tables.
 */
export const DATA_TABLES: Readonly<Record<string, number>> = { NTM_Targets: 1, NTM_Status: 2, NTM_Results: 1, NTM_Trend: 1 };

/** Caption lines above the header of a table of this name (case-insensitive, as Excel's names): 0 for most. */
export function captionLines(name: string): number {
  const key = Object.keys(DATA_TABLES).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? 0 : DATA_TABLES[key]!;
}

export const ROUND_TEXT: Record<Report["round"], string> = { plan: "Kế hoạch", result: "Kết quả thực hiện" };

export const STATUS_TEXT: Record<ReportUnit["status"], string> = {
  missing: "Chưa nộp",
  submitted: "Đã nộp",
  late: "Nộp muộn",
  returned: "Trả lại",
  accepted: "Đã duyệt",
};

const pad = (n: number) => String(n).padStart(2, "0");

/** ISO 8601 instant → `dd/mm/yyyy HH:mm` in Vietnam time (UTC+7, no daylight saving). */
export function formatVietnamTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + 7 * 3600 * 1000);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `YYYY-MM-DD` → `dd/mm/yyyy` (a deadline, a date in Vietnam time); other text unchanged. */
export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/**
 * `NTM_Status` (cycle.md "Review"): the round and the cut, the completeness of the setup's units and
 * the deadline as its two captions, then each unit's status, revision, time and days late. Only a
 * server report has it (the status needs the cut); an offline report (cut null) has none.
 */
function statusTable(report: Report): Omit<ReportTable, "topRow" | "leftColumn"> | null {
  const cut = report.cut;
  if (cut === null) return null;
  const { text, general, count } = FORMAT;
  const at = formatVietnamTime(cut.asOf ?? report.generatedAt);
  const only = cut.accepted ? " (chỉ tính các bản đã duyệt)" : "";
  const c = report.completeness;
  const of = (n: number) => `${n}/${c.expected}`;
  const deadline = report.deadline === null ? "chưa có hạn nộp" : `hạn nộp ${formatDate(report.deadline)}`;
  return {
    name: "NTM_Status",
    captions: [
      { text: `Tình trạng nộp và duyệt — ${ROUND_TEXT[report.round]} năm ${report.year}, số liệu tại ${at}${only}`, style: "subtitle" },
      {
        text: `Đã nộp ${of(c.submitted)} · Đúng hạn ${of(c.onTime)} · Đã duyệt ${of(c.accepted)}, ${deadline}`,
        style: "note",
      },
    ],
    headers: ["Mã đơn vị", "Tên đơn vị", "Tình trạng", "Bản số", "Nộp lúc", "Số ngày muộn"],
    numberFormats: [text, general, general, count, text, count],
    rows: report.units.map((d) => [
      d.code,
      d.name,
      STATUS_TEXT[d.status],
      d.revision,
      d.submittedAt === null ? null : formatVietnamTime(d.submittedAt),
      d.daysLate,
    ]),
  };
}

/**
 * `NTM_Results` (cycle.md "Reports over time"): a result report's plan against what was achieved,
 * below one caption: each criterion (communes meeting it), NTM communes, each band, then each
 * capital row and the total (million VND): Kế hoạch, Thực hiện and Thực hiện ÷ Kế hoạch (%). Only a
 * result report (its achieved figures) has it.
 */
function resultsTable(report: Report): Omit<ReportTable, "topRow" | "leftColumn"> | null {
  const ntm = report.overview.ntm;
  if (report.round !== "result" || ntm.achieved === undefined) return null;
  const { text, general, percent } = FORMAT;
  const xa = "xã";
  return {
    name: "NTM_Results",
    captions: [{ text: `Kết quả thực hiện so với kế hoạch năm ${report.year}`, style: "subtitle" }],
    headers: ["Mục", "Nội dung", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ thực hiện (%)"],
    numberFormats: [text, general, general, general, general, percent],
    rows: [
      ...report.criteria.map((c) => [`TC${c.number}`, c.name, xa, c.plan, c.achieved ?? null, c.achievedPercent ?? null]),
      ["NTM", "Xã đạt chuẩn NTM", xa, ntm.plan, ntm.achieved, ntm.achievedPercent ?? null],
      ...report.bands.map((b) => [null, b.label, xa, b.plan, b.achieved ?? null, b.achievedPercent ?? null]),
      ...report.capital.sources.map((s) => [
        s.key === CAPITAL_TOTAL_KEY ? null : s.key,
        s.label,
        "triệu đồng",
        s.amount,
        s.disbursed ?? null,
        s.disbursedPercent ?? null,
      ]),
    ],
  };
}

/**
 * `NTM_Trend` (cycle.md "Reports over time", docs/report.md "Xu hướng qua các năm"): below one
 * caption (the years' criteria sets and the frame year), NTM communes then each criterion number of
 * any year's set (named as its latest year names it), two columns a year: Kế hoạch (KH) and Thực hiện
 * (TH; empty for a year without results or a criterion its set lacks). Only a sheet built with a trend
 * that has a year with data has it.
 */
function trendTable(trend: Trend | undefined): Omit<ReportTable, "topRow" | "leftColumn"> | null {
  if (!trend || trend.years.length === 0) return null;
  const { text, general } = FORMAT;
  const names = new Map<number, string>();
  for (const y of trend.years) for (const c of y.criteriaSet.criteria) names.set(c.number, c.name);
  const numbers = [...names.keys()].sort((a, b) => a - b);
  const sets = trend.years.map((y) => `${y.year}: ${y.criteriaSet.id}`).join("; ");
  const cells = (pick: (y: Trend["years"][number]) => { planned: number; achieved: number | null } | undefined) =>
    trend.years.flatMap((y) => {
      const c = pick(y);
      return [c?.planned ?? null, c?.achieved ?? null];
    });
  return {
    name: "NTM_Trend",
    captions: [
      {
        text: `Xu hướng ${trend.from}-${trend.to} (số xã, theo danh sách xã năm ${trend.frameYear}; bộ tiêu chí ${sets})`,
        style: "subtitle",
      },
    ],
    headers: ["Mục", "Nội dung", ...trend.years.flatMap((y) => [`${y.year} KH`, `${y.year} TH`])],
    numberFormats: [text, general, ...trend.years.flatMap(() => [general, general])],
    rows: [
      ["NTM", "Xã đạt chuẩn NTM", ...cells((y) => y.ntm)],
      ...numbers.map((n) => [`TC${n}`, names.get(n)!, ...cells((y) => y.criteria.find((c) => c.number === n))]),
    ],
  };
}

/**
 * `NTM_Targets` (cycle.md "Targets"): the province's targets against the summed plans, one row per
 * target (label, target, plan, gap = plan − target, met), under one caption. Only a report with
 * targets has it. Counts of communes and capital (million VND) share the column format.
 */
function targetsTable(report: Report): Omit<ReportTable, "topRow" | "leftColumn"> | null {
  const rows = report.targets;
  if (!rows || rows.length === 0) return null;
  const value = "#,##0.###";
  return {
    name: "NTM_Targets",
    captions: [{ text: `Chỉ tiêu năm ${report.year} so với tổng kế hoạch (vốn: triệu đồng)`, style: "subtitle" }],
    headers: ["Chỉ tiêu", "Mục tiêu", "Tổng kế hoạch", "Chênh lệch", "Đạt/Chưa đạt"],
    numberFormats: [FORMAT.general, value, value, value, FORMAT.general],
    rows: rows.map((t) => [t.label, t.target, t.plan, t.gap, t.met ? "Đạt" : "Chưa đạt"]),
  };
}

/** million VND (≤ 3 decimals) → billion VND, exact to the 6 decimals it can have. */
function billion(million: number): number {
  return millionToThousand(million) / 1_000_000;
}

/** Short column headers of the 2018 capital rows (by label) in `NTM_CapitalByUnit`. */
const CAPITAL_SHORT: Readonly<Record<string, string>> = {
  "Vốn đầu tư trực tiếp cho Chương trình": "Vốn đầu tư trực tiếp",
  "Vốn ngân sách Trung ương": "Ngân sách Trung ương",
  "Vốn ngân sách địa phương": "Ngân sách địa phương",
  "Vốn lồng ghép từ các Chương trình, dự án khác": "Vốn lồng ghép",
  "Vốn huy động từ doanh nghiệp, HTX và các tổ chức kinh tế": "Doanh nghiệp, HTX",
  "Huy động đóng góp của cộng đồng dân cư": "Cộng đồng dân cư",
};

/** Header of a capital row's column: `(STT) label`, the total by its label. */
function capitalHeader(key: string, label: string): string {
  return key === CAPITAL_TOTAL_KEY ? label : `(${key}) ${CAPITAL_SHORT[label] ?? label}`;
}

/** Indexes of the leaf rows among the capital sources (not a subtotal, not the total). */
export function capitalLeafRows(report: Report): number[] {
  const keys = report.capital.sources.map((s) => s.key).filter((k) => k !== CAPITAL_TOTAL_KEY);
  return report.capital.sources.flatMap((s, i) => (s.key !== CAPITAL_TOTAL_KEY && !keys.some((k) => k.startsWith(`${s.key}.`)) ? [i] : []));
}

/**
 * The `Tổng hợp` sheet of docs/report.md: title in A1, then the seven tables from row 3, two empty
 * rows apart, then (a server report) NTM_Status below its two captions.
 */
export function buildReportSheet(report: Report, trend?: Trend): ReportSheetModel {
  const rows = report.units;
  // Received of the setup's units (a unit the setup dropped is listed below them, not counted here).
  const expected = rows.filter((d) => d.listed);
  const received = `${expected.filter((d) => d.status !== "missing").length}/${expected.length}`;
  const title = `TỔNG HỢP KẾ HOẠCH XÂY DỰNG NÔNG THÔN MỚI NĂM ${report.year} - Cập nhật ${formatVietnamTime(report.generatedAt)} (giờ Việt Nam) - Đã nhận ${received} ${report.level}`;
  const { count, percent, average, money, text, general } = FORMAT;
  const o = report.overview;
  const sources = report.capital.sources;
  const byUnit = new Map(report.capital.byUnit.map((b) => [b.code, b.amounts]));

  const tables: Omit<ReportTable, "topRow" | "leftColumn">[] = [
    {
      name: "NTM_Units",
      headers: [
        "Mã đơn vị",
        "Tên đơn vị",
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
        "Cấp đơn vị",
        "Phiên bản biểu mẫu",
      ],
      numberFormats: [text, general, general, count, text, general, general, text, count, count, average, money, general, general],
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
        d.level,
        d.templateVersion,
      ]),
      totalsRow: [
        "Tổng cộng",
        null,
        `Đã nhận ${received}`,
        null,
        null,
        null,
        null,
        null,
        rows.reduce((s, d) => s + d.communes, 0),
        rows.reduce((s, d) => s + d.ntmPlan, 0),
        o.avgCriteria.plan,
        report.capital.sources.find((x) => x.key === CAPITAL_TOTAL_KEY)?.amount ?? 0,
        null,
        null,
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
      rows: report.bands.map((b) => [b.label, b.baseline, b.plan, b.planPercent]),
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
      rows: report.groups.map((g) => [g.label, g.communes, g.avgCriteria.baseline, g.avgCriteria.plan]),
    },
    {
      name: "NTM_Capital",
      headers: ["STT", "Nguồn vốn", "Kế hoạch (triệu đồng)", "Kế hoạch (tỷ đồng)", "Tỷ lệ (%)"],
      numberFormats: [text, general, money, money, percent],
      rows: report.capital.sources.map((s) => [
        s.key === CAPITAL_TOTAL_KEY ? null : s.key,
        s.label,
        s.amount,
        billion(s.amount),
        s.percent,
      ]),
    },
    {
      name: "NTM_CapitalByUnit",
      headers: ["Mã đơn vị", "Tên đơn vị", ...sources.map((s) => capitalHeader(s.key, s.label))],
      numberFormats: [text, general, ...sources.map(() => money)],
      rows: rows.map((d) => {
        const amounts = byUnit.get(d.code) ?? {};
        return [d.code, d.name, ...sources.map((s) => amounts[s.key] ?? 0)];
      }),
      totalsRow: ["Tổng cộng", null, ...sources.map((s) => s.amount)],
    },
  ];
  const targetRows = targetsTable(report);
  if (targetRows) tables.push(targetRows);
  const status = statusTable(report);
  if (status) tables.push(status);
  const results = resultsTable(report);
  if (results) tables.push(results);
  const trendRows = trendTable(trend);
  if (trendRows) tables.push(trendRows);

  let top = 3;
  const placed: ReportTable[] = tables.map((t) => {
    const topRow = top + (t.captions?.length ?? 0);
    top = topRow + 1 + t.rows.length + (t.totalsRow ? 1 : 0) + 2; // captions, header, rows, totals, two empty rows
    return { ...t, topRow, leftColumn: 1 };
  });
  const widest = Math.max(...placed.map((t) => t.headers.length));
  const chartColumn = widest + 2;
  const criteriaTable = placed.find((t) => t.name === "NTM_Criteria")!;
  const capitalTable = placed.find((t) => t.name === "NTM_Capital")!;
  const leaves = capitalLeafRows(report);
  const pieRows =
    leaves.length > 0 && leaves.at(-1)! - leaves[0]! === leaves.length - 1 ? { first: leaves[0]!, last: leaves.at(-1)! } : null;

  const sheet: Omit<ReportSheetModel, "rowHeights"> = {
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
      // The pie draws the leaves, when they are one block of rows (no subtotal between them).
      ...(pieRows
        ? [
            {
              kind: "pie" as const,
              title: "Cơ cấu vốn theo nguồn",
              table: "NTM_Capital",
              categoryColumn: 1,
              valueColumn: 2,
              dataRows: pieRows,
              anchorCell: cellAddress(capitalTable.topRow, chartColumn),
            },
          ]
        : []),
    ],
    print: { orientation: "landscape", paperSize: "A4", repeatRows: "1:1" },
    columnWidths: [26, 44, 16, 14, 18, 18, 18, 14, 14, 16, 16, 16, 12, 12],
  };
  // Caption rows one line high in their style's font (a subtitle is taller than the default row).
  const captionHeights = placed.flatMap((t) =>
    (t.captions ?? []).map((c, i) => ({ row: t.topRow - t.captions!.length + i, points: heightForLines(1, PALETTE[c.style].font.size) })),
  );
  const rowHeights = [...reportRowHeights(sheet), ...captionHeights].sort((a, b) => a.row - b.row);
  return { ...sheet, rowHeights };
}
