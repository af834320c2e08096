import { formatVietnamTime } from "../../../shared/report/report-sheet.ts";
import type { StatusUnit } from "../../../shared/schemas/api/review.ts";
import { statusLabel } from "../../model/review-board.ts";
import { useWebI18n } from "../hooks/use-web-i18n.ts";
import { CELL_COLUMNS, ColumnHeads } from "./column-heads.tsx";
import { Notice } from "./notice.tsx";

/** The unit's review status: returned (the office's comment and cell comments), accepted (locked), or the status line. */
export function UnitStatus(props: { year: number; row: StatusUnit }) {
  const { t } = useWebI18n();
  const { row } = props;
  const label = statusLabel(row);
  const revision =
    row.revision !== null && row.submittedAt ? (
      <div>{t("unitRevisionLine", { revision: row.revision, time: formatVietnamTime(row.submittedAt) })}</div>
    ) : null;
  if (row.status === "accepted") {
    return (
      <Notice kind="success" testId="unit-accepted">
        <strong>{t("unitAccepted")}</strong>
        <div>{t("unitAcceptedHint")}</div>
        {revision}
      </Notice>
    );
  }
  if (row.status === "returned") {
    return (
      <Notice kind="warning" testId="unit-returned">
        <strong>{t("unitReturned", { revision: row.revision ?? "-" })}</strong>
        {row.comment ? <div data-testid="review-comment-text">{t("unitComment", { text: row.comment })}</div> : null}
        {row.cells.length > 0 ? (
          <table className="issues" data-testid="review-cells">
            <ColumnHeads keys={CELL_COLUMNS} />
            <tbody>
              {row.cells.map((c) => (
                <tr key={`${c.sheet}!${c.cell}`}>
                  <td>{c.sheet}</td>
                  <td className="cell">{c.cell}</td>
                  <td>{c.commune ?? ""}</td>
                  <td>{c.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </Notice>
    );
  }
  return (
    <Notice kind="info" testId="unit-status">
      {t("unitStatusLine", { year: props.year, status: t(label.key, label.params) })}
      {revision}
      {row.comment ? <div>{t("unitReopened", { text: row.comment })}</div> : null}
    </Notice>
  );
}
