import type { ReportCell, ReportSheetModel, ReportTable } from "../../../shared/report/report-sheet.ts";
import { FORMAT } from "../../../shared/report/report-sheet.ts";
import type { Lang } from "../../../shared/text/catalogue.ts";
import { useWebI18n } from "../hooks/use-web-i18n.ts";

/** A cell as the sheet's number format shows it, in the page's language. */
function shown(lang: Lang, v: ReportCell, format: string | undefined): string {
  if (v === null) return "";
  if (typeof v !== "number") return String(v);
  const digits = format === FORMAT.percent || format === FORMAT.money ? 1 : format === FORMAT.average ? 2 : undefined;
  const options = digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-US", options).format(v);
}

function Table(props: { table: ReportTable }) {
  const { lang } = useWebI18n();
  const tb = props.table;
  const row = (cells: readonly ReportCell[]) =>
    tb.headers.map((h, j) => (
      <td key={h} className={typeof cells[j] === "number" ? "number" : undefined}>
        {shown(lang, cells[j] ?? null, tb.numberFormats[j])}
      </td>
    ));
  return (
    <table className="report" data-table={tb.name}>
      {tb.captions && tb.captions.length > 0 ? <caption>{tb.captions.map((c) => c.text).join(" · ")}</caption> : null}
      <thead>
        <tr>
          {tb.headers.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {tb.rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: report rows have no identity beyond their place.
          <tr key={i}>{row(r)}</tr>
        ))}
      </tbody>
      {tb.totalsRow ? (
        <tfoot>
          <tr>{row(tb.totalsRow)}</tr>
        </tfoot>
      ) : null}
    </table>
  );
}

/** The `Tổng hợp` sheet's tables (shared/report/report-sheet.ts) as HTML tables, in the sheet's order. */
export function ReportTables(props: { model: ReportSheetModel }) {
  return (
    <div className="report-tables" data-testid="report-tables">
      <h3>{props.model.title}</h3>
      {props.model.tables.map((tb) => (
        <Table key={tb.name} table={tb} />
      ))}
    </div>
  );
}
