import { Checkbox, Input, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import type { Round } from "../../shared/schemas/api/common.ts";
import type { PanePort } from "../host/lazy-port.ts";
import { useI18n } from "../hooks/use-i18n.ts";
import { useOfficeFlow } from "../hooks/use-office-flow.ts";
import type { Session } from "../hooks/use-session.ts";
import type { BoardNote } from "../hooks/use-review-board.ts";
import type { MessageKey } from "../i18n/messages.ts";
import { dayMonthYear } from "../model/review-board.ts";
import { isPlanYear } from "../../shared/schemas/plan-year.ts";
import { BigButton } from "./big-button.tsx";
import { BusyLine } from "./busy-line.tsx";
import { DeadlineField } from "./deadline-field.tsx";
import { ErrorBar } from "./error-bar.tsx";
import { InfoBar } from "./info-bar.tsx";
import { RoundSwitch } from "./round-switch.tsx";
import { Section } from "./section.tsx";
import { StatusBoard } from "./status-board.tsx";
import { TargetsCard } from "./targets-card.tsx";
import { YearField } from "./year-field.tsx";

const useStyles = makeStyles({ col: { display: "flex", flexDirection: "column", gap: "12px" } });

const DONE: Record<"accept" | "return" | "reopen", MessageKey> = { accept: "doneAccept", return: "doneReturn", reopen: "doneReopen" };

/** The office's work: the round's status board (review actions, deadline) and the `Tổng hợp` sheet. */
export function OfficePanel(props: { port: PanePort | null; session: Session; year: number; onYear: (y: number) => void }) {
  const { t } = useI18n();
  const s = useStyles();
  const [round, setRound] = useState<Round>("plan");
  // "Xu hướng từ năm …": the refresh adds NTM_Trend from that year to the year shown.
  const [trendOn, setTrendOn] = useState(false);
  const [trendFrom, setTrendFrom] = useState(props.year - 4);
  const flow = useOfficeFlow(
    props.port,
    props.session.api,
    props.year,
    round,
    props.session.status === "ready",
    trendOn ? trendFrom : null,
  );
  const { board } = flow;
  const noteText = (n: BoardNote): string => {
    if (n.kind === "deadline") return t("deadlineSaved", { date: dayMonthYear(n.date) });
    const name = board.status?.units.find((u) => u.code === n.unit)?.name ?? n.unit;
    return t("actionDone", { action: t(DONE[n.action]), name });
  };
  return (
    <div className={s.col}>
      <Section title={t("tabOffice")} testId="office">
        <YearField year={props.year} onChange={props.onYear} />
        <RoundSwitch round={round} onChange={setRound} />
        <div>
          <Checkbox label={t("trendFrom")} checked={trendOn} data-testid="trend-on" onChange={(_, d) => setTrendOn(d.checked === true)} />
          <Input
            type="number"
            value={String(trendFrom)}
            disabled={!trendOn}
            data-testid="trend-from"
            onChange={(_, d) => {
              const n = Number(d.value);
              if (isPlanYear(n)) setTrendFrom(n);
            }}
          />
        </div>
        <BigButton primary testId="refresh-report" disabled={flow.busy} onClick={() => void flow.refresh()}>
          {t("refreshReport")}
        </BigButton>
        {flow.busy ? <BusyLine label={t("refreshing")} /> : null}
        {flow.error ? <ErrorBar error={flow.error} /> : null}
        {flow.written && flow.report ? (
          <InfoBar intent="success" testId="report-written">
            {t("reportWritten", { year: flow.report.year })}
            {flow.skipped.length > 0 ? <div>{t("skippedFeatures", { list: flow.skipped.join(", ") })}</div> : null}
          </InfoBar>
        ) : null}
      </Section>
      <Section title={t("colStatus")} testId="review">
        {board.status ? (
          <DeadlineField deadline={board.status.deadline} busy={board.busy} onSave={(d) => void board.saveDeadline(d)} />
        ) : null}
        {board.loading && !board.status ? <BusyLine label={t("loadingBoard")} /> : null}
        {board.loadError ? <ErrorBar error={board.loadError} testId="board-error" /> : null}
        {board.actionError ? (
          <ErrorBar
            error={board.actionError}
            testId="action-error"
            title={board.actionError.code === "review.stale" ? t("staleReloaded") : undefined}
          />
        ) : null}
        {board.note ? (
          <InfoBar intent="success" testId="board-note">
            {noteText(board.note)}
          </InfoBar>
        ) : null}
        {board.status ? <StatusBoard status={board.status} busy={board.busy} onReview={board.review} pickCell={board.pickCell} /> : null}
      </Section>
      <TargetsCard port={props.port} session={props.session} />
    </div>
  );
}
