import { formatVietnamTime } from "../../../shared/report/report-sheet.ts";
import type { StatusResponse } from "../../../shared/schemas/api/review.ts";
import { completenessOf, statusLabel } from "../../model/review-board.ts";
import { useWebI18n } from "../hooks/use-web-i18n.ts";
import { ColumnHeads } from "./column-heads.tsx";

/** The office's status board: the completeness line and one row per unit (status, revision, time, comment). */
export function StatusTable(props: { status: StatusResponse }) {
  const { t } = useWebI18n();
  const c = completenessOf(props.status);
  return (
    <>
      <p data-testid="completeness">
        <strong>{t("boardCompleteness", { expected: c.expected, submitted: c.submitted, onTime: c.onTime, accepted: c.accepted })}</strong>
        {c.deadline ? ` · ${t("boardDeadline", { date: c.deadline })}` : ""}
      </p>
      <table className="issues" data-testid="status-table">
        <ColumnHeads keys={["colUnit", "colStatus", "colRevision", "colSubmittedAt", "colMessage"]} />
        <tbody>
          {props.status.units.map((u) => {
            const label = statusLabel(u);
            return (
              <tr key={u.code} data-unit={u.code} data-status={u.status}>
                <td>
                  {u.code} — {u.name}
                </td>
                <td>{t(label.key, label.params)}</td>
                <td className="number">{u.revision ?? ""}</td>
                <td>{u.submittedAt ? formatVietnamTime(u.submittedAt) : ""}</td>
                <td>{u.comment ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
