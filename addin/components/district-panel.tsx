import { Button, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import { hasErrors } from "../../shared/result.ts";
import type { PanePort } from "../host/lazy-port.ts";
import { useDistrictFlow } from "../hooks/use-district-flow.ts";
import { useI18n } from "../hooks/use-i18n.ts";
import { mustFixBeforeSend } from "../model/district-flow.ts";
import type { Session } from "../hooks/use-session.ts";
import { BigButton } from "./big-button.tsx";
import { BusyLine } from "./busy-line.tsx";
import { DistrictPicker } from "./district-picker.tsx";
import { ErrorBar } from "./error-bar.tsx";
import { InfoBar } from "./info-bar.tsx";
import { IssueList } from "./issue-list.tsx";
import { ReceiptCard } from "./receipt-card.tsx";
import { Section } from "./section.tsx";
import { SubmitProgress } from "./submit-progress.tsx";
import { SubmitReview } from "./submit-review.tsx";
import { YearField } from "./year-field.tsx";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: "12px" },
  row: { display: "flex", gap: "8px", marginTop: "8px" },
});

/** The district's work: create the template, check it, send it. */
export function DistrictPanel(props: { port: PanePort | null; session: Session; year: number; onYear: (y: number) => void }) {
  const { t } = useI18n();
  const s = useStyles();
  const { session } = props;
  const own = session.me?.role === "district" ? session.me.district : null;
  const [chosen, setChosen] = useState(session.districts[0]?.code ?? "");
  const code = own ?? chosen;
  const district = session.districts.find((d) => d.code === code);
  const flow = useDistrictFlow(props.port, session.api, session.reference);
  const busy = flow.busy !== null;

  return (
    <div className={s.col}>
      <Section title={t("stepCreate")} testId="step-create">
        <DistrictPicker districts={session.districts} value={code} fixed={own !== null} onChange={setChosen} />
        <YearField year={props.year} onChange={props.onYear} />
        <div>{t("createTemplateHint")}</div>
        <BigButton
          testId="create-template"
          disabled={busy || !district}
          onClick={() => {
            if (district) void flow.createTemplate({ code: district.code, name: district.name }, props.year);
          }}
        >
          {t("createTemplate")}
        </BigButton>
        {flow.pendingReplace ? (
          <InfoBar intent="warning" testId="replace-ask">
            {t("replaceAsk", { sheets: flow.pendingReplace.existing.join(", ") })}
            <div className={s.row}>
              {/* The safe choice is the prominent one: replacing erases typed data. */}
              <Button appearance="primary" data-testid="replace-cancel" onClick={flow.cancelReplace}>
                {t("replaceCancel")}
              </Button>
              <Button data-testid="replace-confirm" onClick={() => void flow.confirmReplace()}>
                {t("replaceConfirm")}
              </Button>
            </div>
          </InfoBar>
        ) : null}
        {flow.busy === "create" ? <BusyLine label={t("creating")} /> : null}
        {flow.error && flow.errorAt === "create" ? <ErrorBar error={flow.error} /> : null}
        {flow.note ? (
          <InfoBar intent="success" testId="template-created">
            {t("templateCreated", { year: flow.note.year, name: flow.note.name })}
            {flow.note.skipped.length > 0 ? <div>{t("skippedFeatures", { list: flow.note.skipped.join(", ") })}</div> : null}
          </InfoBar>
        ) : null}
      </Section>

      <Section title={t("stepCheck")} testId="step-check">
        <BigButton testId="check" disabled={busy} onClick={() => void flow.check()}>
          {t("check")}
        </BigButton>
        {flow.busy === "check" || flow.busy === "prepare" ? <BusyLine label={t("checkingSheets")} /> : null}
        {flow.error && flow.errorAt === "check" ? <ErrorBar error={flow.error} /> : null}
        {flow.issues !== null && hasErrors(flow.issues) ? <div>{t("markedCells")}</div> : null}
        {flow.issues !== null ? <IssueList issues={flow.issues} onSelect={flow.selectCell} /> : null}
      </Section>

      <Section title={t("stepSubmit")} testId="step-submit">
        <BigButton primary testId="submit" disabled={busy || flow.review !== null} onClick={() => void flow.prepare()}>
          {t("submit")}
        </BigButton>
        {flow.error && flow.errorAt === "submit" ? <ErrorBar error={flow.error} /> : null}
        {mustFixBeforeSend(flow) ? (
          <InfoBar intent="warning" testId="fix-before-send">
            {t("fixBeforeSend")}
          </InfoBar>
        ) : null}
        {flow.review && flow.busy !== "send" ? (
          <SubmitReview review={flow.review} onConfirm={() => void flow.send()} onCancel={flow.cancel} />
        ) : null}
        {flow.progress !== null && flow.progress < 4 ? <SubmitProgress progress={flow.progress} /> : null}
        {flow.receiptError ? <ErrorBar error={flow.receiptError} title={t("errorReceiptLoad")} testId="receipt-error" /> : null}
        {flow.receipt ? <ReceiptCard receipt={flow.receipt} fresh={flow.fresh} /> : null}
      </Section>
    </div>
  );
}
