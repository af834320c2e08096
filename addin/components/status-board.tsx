import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import type { Report, ReportUnit } from "../../shared/schemas/report.ts";
import { formatVietnamTime } from "../../shared/report/report-sheet.ts";
import { useI18n } from "../hooks/use-i18n.ts";
import type { MessageKey } from "../i18n/messages.ts";

const STATUS: Record<ReportUnit["status"], { key: MessageKey; color: "danger" | "success" | "warning" | "brand" }> = {
  missing: { key: "statusMissing", color: "danger" },
  submitted: { key: "statusSubmitted", color: "success" },
  late: { key: "statusLate", color: "warning" },
  returned: { key: "statusReturned", color: "warning" },
  accepted: { key: "statusAccepted", color: "brand" },
};

const useStyles = makeStyles({
  summary: { fontSize: "16px", fontWeight: 700 },
  list: { listStyle: "none", margin: "8px 0 0", padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  item: { padding: "6px 8px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3 },
  line: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: "8px" },
  name: { fontWeight: 600 },
  badge: { whiteSpace: "nowrap", flexShrink: 0 },
  detail: { color: tokens.colorNeutralForeground2, fontSize: "13px" },
});

/** Who is missing and who submitted when (the report's unit section), one line per reporting unit. */
export function StatusBoard({ report }: { report: Report }) {
  const { t } = useI18n();
  const s = useStyles();
  const expected = report.units.filter((d) => d.listed); // a unit the setup dropped is shown, not counted
  const submitted = expected.filter((d) => d.status !== "missing");
  const missing = report.units.filter((d) => d.status === "missing");
  return (
    <div data-testid="status-board">
      <div className={s.summary} data-testid="received-count">
        {t("receivedCount", { submitted: submitted.length, total: expected.length })}
      </div>
      <div data-testid="missing-list">
        {missing.length === 0 ? t("allSubmitted") : t("missingList", { list: missing.map((d) => d.name).join(", ") })}
      </div>
      <ul className={s.list} aria-label={t("colStatus")}>
        {report.units.map((d) => (
          <li key={d.code} className={s.item} data-testid={`status-${d.code}`}>
            <div className={s.line}>
              <span className={s.name}>{d.name}</span>
              <Badge className={s.badge} color={STATUS[d.status].color} shape="rounded" size="large">
                {t(STATUS[d.status].key)}
              </Badge>
            </div>
            {d.revision !== null ? (
              <div className={s.detail}>
                {t("colRevision")} {d.revision}
                {d.submittedAt ? ` · ${formatVietnamTime(d.submittedAt)}` : ""}
                {d.submittedBy ? ` · ${d.submittedBy}` : ""}
                {` · ${t("colCommunes")}: ${d.communes}`}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
