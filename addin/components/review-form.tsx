import { Button, Field, Input, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ReviewRequest } from "../../shared/schemas/api/review.ts";
import type { CellRef } from "../excel/port.ts";
import { useI18n } from "../hooks/use-i18n.ts";
import type { CellDraft, FormProblem, ReviewTarget } from "../model/review-board.ts";
import { reopenRequest, returnRequest } from "../model/review-board.ts";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    marginTop: "8px",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { fontWeight: 600 },
  cell: { display: "grid", gridTemplateColumns: "1fr 64px", gap: "4px" },
  cellRow: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    paddingBottom: "6px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: "flex", gap: "8px", flexWrap: "wrap" },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

const EMPTY: CellDraft = { sheet: "", cell: "", text: "" };

/**
 * The office's small form on a unit's row: return (a required comment, optional comments pinned to
 * cells, the workbook's current cell added with one button) or reopen (a required reason).
 */
export function ReviewForm(props: {
  mode: "return" | "reopen";
  target: ReviewTarget;
  name: string;
  busy: boolean;
  pickCell: () => Promise<CellRef | null>;
  onSend: (request: ReviewRequest) => Promise<boolean>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const s = useStyles();
  const [comment, setComment] = useState("");
  const [cells, setCells] = useState<CellDraft[]>([]);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const isReturn = props.mode === "return";
  const setCell = (i: number, patch: Partial<CellDraft>) => setCells((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  const send = async () => {
    const checked = isReturn ? returnRequest(props.target, comment, cells) : reopenRequest(props.target, comment);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    if (await props.onSend(checked.value)) props.onCancel();
  };

  const addSelection = async () => {
    const at = await props.pickCell();
    if (at) setCells((cs) => [...cs, { sheet: at.sheet, cell: at.cell, text: "" }]);
  };

  return (
    <div className={s.form} data-testid={`${props.mode}-form`}>
      <div className={s.title}>
        {isReturn ? t("returnTitle", { revision: props.target.revision ?? "-", name: props.name }) : t("reopenTitle", { name: props.name })}
      </div>
      <Field label={isReturn ? t("returnComment") : t("reopenReason")} required>
        <Textarea value={comment} onChange={(_, d) => setComment(d.value)} data-testid="review-comment" resize="vertical" />
      </Field>
      {isReturn ? (
        <>
          <div>{t("cellComments")}</div>
          {cells.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place.
            <div key={i} className={s.cellRow} data-testid="cell-row">
              <div className={s.cell}>
                <Input
                  aria-label={t("cellSheet")}
                  placeholder={t("cellSheet")}
                  value={c.sheet}
                  data-testid="cell-sheet"
                  onChange={(_, d) => setCell(i, { sheet: d.value })}
                />
                <Input
                  aria-label={t("cellAddress")}
                  placeholder={t("cellAddress")}
                  value={c.cell}
                  data-testid="cell-address"
                  onChange={(_, d) => setCell(i, { cell: d.value })}
                />
              </div>
              <Input
                aria-label={t("cellText")}
                placeholder={t("cellText")}
                value={c.text}
                data-testid="cell-text"
                onChange={(_, d) => setCell(i, { text: d.value })}
              />
              <Button
                size="small"
                appearance="subtle"
                onClick={() => setCells((cs) => cs.filter((_, j) => j !== i))}
                data-testid="cell-remove"
              >
                {t("removeRow")}
              </Button>
            </div>
          ))}
          <div className={s.row}>
            <Button size="small" onClick={() => void addSelection()} data-testid="add-selection">
              {t("addSelection")}
            </Button>
            <Button size="small" onClick={() => setCells((cs) => [...cs, EMPTY])} data-testid="add-cell-row">
              {t("addCellRow")}
            </Button>
          </div>
        </>
      ) : null}
      {problems.map((p) => (
        <div key={`${p.key}-${p.row ?? 0}`} className={s.problem} role="alert" data-testid="form-problem">
          {t(p.key, p.row === undefined ? {} : { row: p.row })}
        </div>
      ))}
      <div className={s.row}>
        <Button appearance="primary" disabled={props.busy} onClick={() => void send()} data-testid="review-send">
          {isReturn ? t("sendReturn") : t("sendReopen")}
        </Button>
        <Button onClick={props.onCancel} data-testid="review-cancel">
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}
