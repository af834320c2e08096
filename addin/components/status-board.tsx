import { Badge, Button, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { formatVietnamTime } from "../../shared/report/report-sheet.ts";
import type { ReviewRequest, StatusResponse, StatusUnit } from "../../shared/schemas/api/review.ts";
import type { CellRef } from "../excel/port.ts";
import { useI18n } from "../hooks/use-i18n.ts";
import { acceptRequest, actionsOf, completenessOf, statusLabel } from "../model/review-board.ts";
import type { ReviewTarget } from "../model/review-board.ts";
import { ReviewForm } from "./review-form.tsx";

const COLOR: Record<StatusUnit["status"], "danger" | "success" | "warning" | "brand"> = {
  missing: "danger",
  submitted: "success",
  late: "warning",
  returned: "warning",
  accepted: "brand",
};

const useStyles = makeStyles({
  summary: { fontSize: "16px", fontWeight: 700 },
  list: { listStyle: "none", margin: "8px 0 0", padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  item: { padding: "6px 8px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3 },
  line: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: "8px" },
  name: { fontWeight: 600 },
  badge: { whiteSpace: "nowrap", flexShrink: 0 },
  detail: { color: tokens.colorNeutralForeground2, fontSize: "13px" },
  actions: { display: "flex", gap: "6px", marginTop: "6px", flexWrap: "wrap" },
});

type Open = { unit: string; mode: "return" | "reopen" } | null;

/**
 * The round's status board (GET /status/:year): the completeness line and deadline, then one row
 * per unit with its status badge, latest revision and time, and the office's actions on it.
 */
export function StatusBoard(props: {
  status: StatusResponse;
  busy: boolean;
  onReview: (request: ReviewRequest) => Promise<boolean>;
  pickCell: () => Promise<CellRef | null>;
}) {
  const { t } = useI18n();
  const s = useStyles();
  const [open, setOpen] = useState<Open>(null);
  const { status } = props;
  const c = completenessOf(status);
  const missing = status.units.filter((u) => u.status === "missing");
  const target = (u: StatusUnit): ReviewTarget => ({ unit: u.code, year: status.year, round: status.round, revision: u.revision });
  return (
    <div data-testid="status-board">
      <div className={s.summary} data-testid="completeness">
        {t("completenessLine", { expected: c.expected, submitted: c.submitted, onTime: c.onTime, accepted: c.accepted })}
      </div>
      <div data-testid="deadline-line">{c.deadline === null ? t("noDeadline") : t("deadlineLine", { date: c.deadline })}</div>
      <div data-testid="missing-list">
        {missing.length === 0 ? t("allSubmitted") : t("missingList", { list: missing.map((d) => d.name).join(", ") })}
      </div>
      <ul className={s.list} aria-label={t("colStatus")}>
        {status.units.map((u) => {
          const label = statusLabel(u);
          const actions = actionsOf(u);
          return (
            <li key={u.code} className={s.item} data-testid={`status-${u.code}`} data-status={u.status}>
              <div className={s.line}>
                <span className={s.name}>{u.name}</span>
                <Badge className={s.badge} color={COLOR[u.status]} shape="rounded" size="large">
                  {t(label.key, label.params)}
                </Badge>
              </div>
              {u.revision !== null ? (
                <div className={s.detail}>
                  {t("colRevision")} {u.revision}
                  {u.submittedAt ? ` · ${formatVietnamTime(u.submittedAt)}` : ""}
                </div>
              ) : null}
              {u.status === "accepted" && u.acceptedRevision !== null ? (
                <div className={s.detail}>{t("acceptedRevisionLine", { revision: u.acceptedRevision })}</div>
              ) : null}
              {u.reviewedAt ? (
                <div className={s.detail}>{t("reviewedLine", { time: formatVietnamTime(u.reviewedAt), by: u.reviewedBy ?? "-" })}</div>
              ) : null}
              {actions.length > 0 && open?.unit !== u.code ? (
                <div className={s.actions}>
                  {actions.includes("accept") ? (
                    <Button
                      size="small"
                      appearance="primary"
                      disabled={props.busy}
                      data-testid={`accept-${u.code}`}
                      onClick={() => void props.onReview(acceptRequest(target(u)))}
                    >
                      {t("actionAcceptRevision", { revision: u.revision ?? "-" })}
                    </Button>
                  ) : null}
                  {actions.includes("return") ? (
                    <Button
                      size="small"
                      disabled={props.busy}
                      data-testid={`return-${u.code}`}
                      onClick={() => setOpen({ unit: u.code, mode: "return" })}
                    >
                      {t("actionReturn")}
                    </Button>
                  ) : null}
                  {actions.includes("reopen") ? (
                    <Button
                      size="small"
                      disabled={props.busy}
                      data-testid={`reopen-${u.code}`}
                      onClick={() => setOpen({ unit: u.code, mode: "reopen" })}
                    >
                      {t("actionReopen")}
                    </Button>
                  ) : null}
                </div>
              ) : null}
              {open?.unit === u.code ? (
                <ReviewForm
                  mode={open.mode}
                  target={target(u)}
                  name={u.name}
                  busy={props.busy}
                  pickCell={props.pickCell}
                  onSend={props.onReview}
                  onCancel={() => setOpen(null)}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
