import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { formatVietnamTime } from "../../shared/report/report-sheet.ts";
import type { StatusUnit } from "../../shared/schemas/api/review.ts";
import { useI18n } from "../hooks/use-i18n.ts";
import { statusLabel } from "../model/review-board.ts";
import { InfoBar } from "./info-bar.tsx";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: "6px 0", padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  cell: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "left",
    fontWeight: "normal",
    minHeight: "32px",
  },
  address: { fontWeight: 700, marginRight: "6px" },
  detail: { color: tokens.colorNeutralForeground2, fontSize: "13px" },
});

/**
 * The unit's review status: returned (the office's comment and its cell comments, each selecting
 * its cell; `Đánh dấu các ô` marks them all), accepted (locked), or the status and latest revision.
 */
export function UnitReviewCard(props: {
  year: number;
  row: StatusUnit;
  busy: boolean;
  marked: number;
  onSelect: (sheet: string, cell: string) => void;
  onMark: () => void;
}) {
  const { t } = useI18n();
  const s = useStyles();
  const { row } = props;
  const label = statusLabel(row);
  const revisionLine =
    row.revision !== null && row.submittedAt ? (
      <div className={s.detail}>{t("unitRevisionLine", { revision: row.revision, time: formatVietnamTime(row.submittedAt) })}</div>
    ) : null;
  if (row.status === "accepted") {
    return (
      <InfoBar intent="success" testId="unit-accepted">
        <strong>{t("unitAccepted")}</strong>
        <div>{t("unitAcceptedHint")}</div>
        {revisionLine}
      </InfoBar>
    );
  }
  if (row.status === "returned") {
    return (
      <InfoBar intent="warning" testId="unit-returned">
        <strong>{t("unitReturned", { revision: row.revision ?? "-" })}</strong>
        {row.comment ? <div data-testid="review-comment-text">{t("unitComment", { text: row.comment })}</div> : null}
        {row.cells.length > 0 ? (
          <>
            <div>{t("unitCellsTitle")}</div>
            <ul className={s.list} data-testid="review-cells">
              {row.cells.map((c) => (
                <li key={`${c.sheet}!${c.cell}`}>
                  <Button
                    className={s.cell}
                    appearance="subtle"
                    data-testid="review-cell"
                    data-sheet={c.sheet}
                    data-cell={c.cell}
                    onClick={() => props.onSelect(c.sheet, c.cell)}
                  >
                    <span className={s.address}>
                      {c.sheet}!{c.cell}
                    </span>
                    {c.text}
                  </Button>
                </li>
              ))}
            </ul>
            <Button disabled={props.busy} onClick={props.onMark} data-testid="mark-review-cells">
              {t("markReviewCells")}
            </Button>
            {props.marked > 0 ? <div data-testid="review-marked">{t("reviewCellsMarked", { count: props.marked })}</div> : null}
          </>
        ) : null}
      </InfoBar>
    );
  }
  return (
    <InfoBar intent="info" testId="unit-status">
      {t("unitStatusLine", { year: props.year, status: t(label.key, label.params) })}
      {revisionLine}
      {row.comment ? <div>{t("unitReopened", { text: row.comment })}</div> : null}
    </InfoBar>
  );
}
