import { makeStyles } from "@fluentui/react-components";
import { useCallback } from "react";
import { hasErrors } from "../../shared/result.ts";
import type { PanePort } from "../host/lazy-port.ts";
import { useI18n } from "../hooks/use-i18n.ts";
import type { Session } from "../hooks/use-session.ts";
import { useSetupFlow, useYearSetup } from "../hooks/use-setup-flow.ts";
import { canApplySetup } from "../model/setup-summary.ts";
import { BigButton } from "./big-button.tsx";
import { BusyLine } from "./busy-line.tsx";
import { ErrorBar } from "./error-bar.tsx";
import { InfoBar } from "./info-bar.tsx";
import { IssueList } from "./issue-list.tsx";
import { Section } from "./section.tsx";
import { SetupCard } from "./setup-card.tsx";
import { YearField } from "./year-field.tsx";

const useStyles = makeStyles({ col: { display: "flex", flexDirection: "column", gap: "12px" } });

/**
 * The office's and the administrator's `Thiết lập` tab: the chosen year's setup (or "no setup" and
 * what to do), and for an administrator `Áp dụng thiết lập`, which reads the `Thiết lập` workbook open
 * in Excel, lists its problems by cell (a click selects the cell) and sends nothing while any is an
 * error; else stores it on the server and shows the stored version.
 */
export function SetupPanel(props: { port: PanePort | null; session: Session; year: number; onYear: (y: number) => void }) {
  const { t } = useI18n();
  const s = useStyles();
  const { session, year, onYear } = props;
  const current = useYearSetup(session.api, year, session.status === "ready");
  const { reload } = current;
  const onApplied = useCallback(
    (applied: number) => {
      if (applied === year) reload();
      else onYear(applied);
    },
    [year, reload, onYear],
  );
  const flow = useSetupFlow(props.port, session.api, year, onApplied);
  const admin = canApplySetup(session.me?.role);
  const loading = current.status === "loading" || current.year !== year;

  return (
    <div className={s.col}>
      <Section title={t("setupTitle")} testId="setup">
        <YearField year={year} onChange={onYear} />
        {loading ? <BusyLine label={t("setupLoading", { year })} /> : null}
        {!loading && current.status === "missing" ? (
          <InfoBar intent="warning" testId="setup-missing">
            <strong>{t("setupMissing", { year })}</strong>
            <div>{t("setupMissingHelp")}</div>
          </InfoBar>
        ) : null}
        {!loading && current.status === "error" && current.error ? <ErrorBar error={current.error} testId="setup-load-error" /> : null}
        {!loading && current.summary ? <SetupCard summary={current.summary} /> : null}
      </Section>

      {admin ? (
        <Section title={t("applySetup")} testId="setup-apply">
          <div>{t("applySetupHint")}</div>
          <BigButton primary testId="apply-setup" disabled={flow.busy} onClick={() => void flow.apply()}>
            {t("applySetup")}
          </BigButton>
          {flow.busy ? <BusyLine label={t("applyingSetup")} /> : null}
          {flow.error ? <ErrorBar error={flow.error} testId="setup-apply-error" /> : null}
          {flow.applied ? (
            <InfoBar intent="success" testId="setup-applied">
              {flow.applied.unchanged
                ? t("setupUnchanged", { version: flow.applied.version })
                : t("setupApplied", { year: flow.applied.year, version: flow.applied.version })}
              {flow.applied.otherYear ? <div>{t("setupYearOther", { workbook: flow.applied.year })}</div> : null}
            </InfoBar>
          ) : null}
          {flow.issues !== null && hasErrors(flow.issues) && !flow.refused ? (
            <InfoBar intent="warning" testId="setup-not-sent">
              {t("setupNotSent")}
            </InfoBar>
          ) : null}
          {flow.issues !== null && flow.issues.length > 0 ? <IssueList issues={flow.issues} onSelect={flow.selectCell} /> : null}
        </Section>
      ) : null}
    </div>
  );
}
