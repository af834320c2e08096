import type { Io } from "../output.ts";
import type { Report } from "../../shared/schemas/report.ts";
import type { Trend } from "../../shared/cycle/trend.ts";
import { EXIT_INVALID, EXIT_OK, EXIT_SERVER, printJson, table } from "../output.ts";
import { clientFrom, describeFailure } from "../server-options.ts";
import { buildReportSheet } from "../../shared/report/report-sheet.ts";
import { writeReportWorkbookFile } from "../xlsx/write-workbook.ts";

/** The trend as text: the sets per year, then one row per criterion (and NTM), two columns a year (KH, TH). */
export function trendText(t: Trend): string {
  if (t.years.length === 0) return `Không có số liệu năm nào trong ${t.from}-${t.to} (no data in ${t.from}-${t.to}).\n`;
  const names = new Map<number, string>();
  for (const y of t.years) for (const c of y.criteriaSet.criteria) names.set(c.number, c.name);
  const cells = (pick: (y: Trend["years"][number]) => { planned: number; achieved: number | null } | undefined) =>
    t.years.flatMap((y) => {
      const c = pick(y);
      return [c?.planned ?? null, c?.achieved ?? null];
    });
  const head = ["Mục", "Nội dung", ...t.years.flatMap((y) => [`${y.year} KH`, `${y.year} TH`])];
  const rows = [
    ["NTM", "Xã đạt chuẩn NTM", ...cells((y) => y.ntm)],
    ["Xã", "Xã có số liệu", ...cells((y) => y.communes)],
    ...[...names.keys()]
      .sort((a, b) => a - b)
      .map((n) => [`TC${n}`, names.get(n)!, ...cells((y) => y.criteria.find((c) => c.number === n))]),
  ];
  const sets = t.years.map((y) => `${y.year}: ${y.criteriaSet.id}`).join("; ");
  return (
    `Xu hướng ${t.from}-${t.to}: số xã theo danh sách xã năm ${t.frameYear} (xã sáp nhập tính theo các xã cũ có số liệu)\n` +
    `Bộ tiêu chí: ${sets}\n` +
    table(head, rows)
  );
}

/** `report --trend --from <y0> --to <y1> [--json]`: GET /reports/trend, printed as a table (or the JSON). */
export async function trendCommand(options: Map<string, string>, from: number, to: number, json: boolean, io: Io): Promise<number> {
  const client = clientFrom(options, io);
  io.stderr(`Đang lấy xu hướng ${from}-${to} từ ${client.server}...\n`);
  const res = await client.trend(from, to);
  if (!res.ok) {
    io.stderr(`Không lấy được xu hướng: ${describeFailure(res.failure)}\n`);
    return EXIT_SERVER;
  }
  if (json) printJson(io, res.value);
  else io.stdout(trendText(res.value));
  return EXIT_OK;
}

/**
 * `report --year <y> --out <file.xlsx> --trend-from <y0>`: the report's `Tổng hợp` with `NTM_Trend`
 * (GET /reports/trend?from=y0&to=y) written to the file; `--json` prints the report as well.
 */
export async function reportWithTrend(
  options: Map<string, string>,
  report: Report,
  from: number,
  out: string,
  json: boolean,
  io: Io,
): Promise<number> {
  const res = await clientFrom(options, io).trend(from, report.year);
  if (!res.ok) {
    io.stderr(`Không lấy được xu hướng: ${describeFailure(res.failure)}\n`);
    return EXIT_SERVER;
  }
  try {
    await writeReportWorkbookFile(buildReportSheet(report, res.value), out);
  } catch (e) {
    io.stderr(`Không ghi được tệp ${out} (cannot write): ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_INVALID;
  }
  io.stderr(`Đã ghi bảng tổng hợp (có xu hướng từ năm ${from}) vào ${out}\n`);
  if (json) printJson(io, report);
  return EXIT_OK;
}
