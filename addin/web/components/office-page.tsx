import { useCallback, useMemo } from "react";
import { buildReportSheet } from "../../../shared/report/report-sheet.ts";
import type { LazyApi } from "../../host/lazy-api.ts";
import type { UiError } from "../../model/ui-error.ts";
import { useAction } from "../hooks/use-action.ts";
import { useWebI18n } from "../hooks/use-web-i18n.ts";
import { useYearData } from "../hooks/use-year-data.ts";
import { ErrorNotice } from "./error-notice.tsx";
import { ReportTables } from "./report-tables.tsx";
import { StatusTable } from "./status-table.tsx";

/** A year without a setup has neither status nor report: said once, not as an error. */
const noSetup = (e: UiError | null) => e?.code === "setup.missing";

/** The office's page: the year's status board, the consolidated report as tables, and the `Tổng hợp` workbook to download. */
export function OfficePage(props: { api: LazyApi; year: number }) {
  const { t } = useWebI18n();
  const { status, report, reload } = useYearData(props.api, props.year);
  const model = useMemo(() => (report.value ? buildReportSheet(report.value) : null), [report.value]);
  const download = useCallback(async () => {
    if (!model) return { ok: true as const, value: null };
    const [{ reportXlsx }, { loadExcel, saveXlsx }] = await Promise.all([
      import("../../../cli/xlsx/workbook-bytes.ts"),
      import("../xlsx/save-xlsx.ts"),
    ]);
    saveXlsx(await reportXlsx(await loadExcel(), model), `tong-hop-${props.year}.xlsx`);
    return { ok: true as const, value: null };
  }, [model, props.year]);
  const action = useAction(download);
  return (
    <>
      <section className="card" aria-labelledby="board-title">
        <h2 id="board-title">{t("boardTitle", { year: props.year })}</h2>
        <button type="button" onClick={reload} data-testid="reload">
          {t("reload")}
        </button>
        {status.loading ? <p>{t("loading")}</p> : null}
        {status.value ? <StatusTable status={status.value} /> : null}
        {noSetup(status.error) ? <p data-testid="no-setup">{t("statusNone")}</p> : <ErrorNotice error={status.error} />}
      </section>
      <section className="card" aria-labelledby="report-title">
        <h2 id="report-title">{t("reportTitle", { year: props.year })}</h2>
        {report.loading ? <p>{t("reportLoading")}</p> : null}
        {model ? (
          <>
            <button
              type="button"
              className="primary"
              onClick={() => void action.run()}
              disabled={action.busy}
              data-testid="report-download"
            >
              {t("reportDownload")}
            </button>
            <ErrorNotice error={action.error} />
            <ReportTables model={model} />
          </>
        ) : null}
        {noSetup(report.error) ? null : <ErrorNotice error={report.error} />}
      </section>
    </>
  );
}
