import { Badge, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { Report, ReportDistrict } from "../../shared/schemas/report.ts";
import { formatVietnamTime } from "../../shared/report/report-sheet.ts";
import { useI18n } from "../hooks/use-i18n.ts";
import type { MessageKey } from "../i18n/vi.ts";

const STATUS: Record<ReportDistrict["status"], { key: MessageKey; color: "danger" | "success" | "warning" | "brand" }> = {
  missing: { key: "statusMissing", color: "danger" },
  submitted: { key: "statusSubmitted", color: "success" },
  returned: { key: "statusReturned", color: "warning" },
  accepted: { key: "statusAccepted", color: "brand" },
};

const useStyles = makeStyles({ summary: { fontSize: "16px", fontWeight: 700 }, wrap: { overflowX: "auto" } });

/** Who is missing and who submitted when (the report's district section). */
export function StatusBoard({ report }: { report: Report }) {
  const { t } = useI18n();
  const s = useStyles();
  const submitted = report.districts.filter((d) => d.status !== "missing");
  const missing = report.districts.filter((d) => d.status === "missing");
  return (
    <div data-testid="status-board">
      <div className={s.summary} data-testid="received-count">{t("receivedCount", { submitted: submitted.length, total: report.districts.length })}</div>
      <div data-testid="missing-list">{missing.length === 0 ? t("allSubmitted") : t("missingList", { list: missing.map((d) => d.name).join(", ") })}</div>
      <div className={s.wrap}>
        <Table size="small" aria-label={t("colStatus")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("colDistrict")}</TableHeaderCell>
              <TableHeaderCell>{t("colStatus")}</TableHeaderCell>
              <TableHeaderCell>{t("colRevision")}</TableHeaderCell>
              <TableHeaderCell>{t("colSubmittedAt")}</TableHeaderCell>
              <TableHeaderCell>{t("colSubmittedBy")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.districts.map((d) => (
              <TableRow key={d.code} data-testid={`status-${d.code}`}>
                <TableCell>{d.name}</TableCell>
                <TableCell><Badge color={STATUS[d.status].color} shape="rounded">{t(STATUS[d.status].key)}</Badge></TableCell>
                <TableCell>{d.revision ?? ""}</TableCell>
                <TableCell>{d.submittedAt ? formatVietnamTime(d.submittedAt) : ""}</TableCell>
                <TableCell>{d.submittedBy ?? ""}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
