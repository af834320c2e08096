import { makeStyles } from "@fluentui/react-components";
import type { PanePort } from "../host/lazy-port.ts";
import { useI18n } from "../hooks/use-i18n.ts";
import { useOfficeFlow } from "../hooks/use-office-flow.ts";
import type { Session } from "../hooks/use-session.ts";
import { BigButton } from "./big-button.tsx";
import { BusyLine } from "./busy-line.tsx";
import { ErrorBar } from "./error-bar.tsx";
import { InfoBar } from "./info-bar.tsx";
import { Section } from "./section.tsx";
import { StatusBoard } from "./status-board.tsx";
import { YearField } from "./year-field.tsx";

const useStyles = makeStyles({ col: { display: "flex", flexDirection: "column", gap: "12px" } });

/** The office's work: refresh the `Tổng hợp` sheet and see which districts submitted. */
export function OfficePanel(props: { port: PanePort | null; session: Session; year: number; onYear: (y: number) => void }) {
  const { t } = useI18n();
  const s = useStyles();
  const flow = useOfficeFlow(props.port, props.session.api);
  return (
    <div className={s.col}>
      <Section title={t("tabOffice")} testId="office">
        <YearField year={props.year} onChange={props.onYear} />
        <BigButton primary testId="refresh-report" disabled={flow.busy} onClick={() => void flow.refresh(props.year)}>
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
        {flow.report ? <StatusBoard report={flow.report} /> : null}
      </Section>
    </div>
  );
}
