import { Button, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import { hasErrors } from "../../shared/result.ts";
import type { PanePort } from "../host/lazy-port.ts";
import { useDistrictFlow } from "../hooks/use-district-flow.ts";
import { useUnitReview } from "../hooks/use-unit-review.ts";
import { useI18n } from "../hooks/use-i18n.ts";
import { useYearSetup } from "../hooks/use-setup-flow.ts";
import { checkPlanOf, mustFixBeforeSend } from "../model/district-flow.ts";
import { knownSetup, planTemplate, unitsOf } from "../model/template-plan.ts";
import { returnedCells, reviewMarks, sendLocked } from "../model/unit-review.ts";
import type { Session } from "../hooks/use-session.ts";
import { BigButton } from "./big-button.tsx";
import { BusyLine } from "./busy-line.tsx";
import { ConvertCard } from "./convert-card.tsx";
import { ErrorBar } from "./error-bar.tsx";
import { InfoBar } from "./info-bar.tsx";
import { IssueList } from "./issue-list.tsx";
import { ReceiptCard } from "./receipt-card.tsx";
import { Section } from "./section.tsx";
import { SubmitProgress } from "./submit-progress.tsx";
import { SubmitReview } from "./submit-review.tsx";
import { UnitPicker } from "./unit-picker.tsx";
import { UnitReviewCard } from "./unit-review-card.tsx";
import { YearField } from "./year-field.tsx";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: "12px" },
  row: { display: "flex", gap: "8px", marginTop: "8px" },
});

/**
 * The reporting unit's work: create the template (NTM-2 pre-filled from the year's setup when one was
 * applied, NTM-1 for the built-in years), check it and send it (read under that setup, else as NTM-1).
 */
export function DistrictPanel(props: { port: PanePort | null; session: Session; year: number; onYear: (y: number) => void }) {
  const { t, lang } = useI18n();
  const s = useStyles();
  const { session } = props;
  const own = session.unit;
  const yearSetup = useYearSetup(session.api, props.year, session.status === "ready");
  // The year's setup as known for THIS year (a year being typed is still loading).
  const loading = session.status === "ready" && (yearSetup.year !== props.year || yearSetup.status === "loading");
  const known = session.status !== "ready" || loading ? null : knownSetup(yearSetup);
  const { level, units } = unitsOf(props.year, known, session.districts, own);
  const [chosen, setChosen] = useState("");
  const code = own ?? (units.some((u) => u.code === chosen) ? chosen : (units[0]?.code ?? ""));
  const flow = useDistrictFlow(props.port, session.api, session.reference);
  const busy = flow.busy !== null;
  // `Kiểm tra` and `Gửi` read under the year's applied setup: they wait for it like `Tạo biểu mẫu`.
  const plan = checkPlanOf(known);
  const receiptUnit = flow.receipt ? units.find((u) => u.code === flow.receipt?.district) : undefined;
  // The unit's review status: read on load and after each submission (its receipt).
  const unitReview = useUnitReview(session.api, props.year, code, session.status === "ready", flow.receipt?.id ?? null);
  const locked = sendLocked(unitReview.row);

  return (
    <div className={s.col}>
      {unitReview.row || unitReview.error || (flow.error && flow.errorAt === "review") ? (
        <Section title={t("unitStatusTitle")} testId="unit-review">
          {unitReview.row ? (
            <UnitReviewCard
              year={props.year}
              row={unitReview.row}
              busy={busy}
              marked={flow.reviewMarks.length}
              onSelect={flow.selectReviewCell}
              onMark={() => void flow.markReview(reviewMarks(returnedCells(unitReview.row)))}
            />
          ) : null}
          {unitReview.error ? <ErrorBar error={unitReview.error} testId="unit-review-error" /> : null}
          {flow.error && flow.errorAt === "review" ? <ErrorBar error={flow.error} /> : null}
        </Section>
      ) : null}
      <Section title={t("stepCreate")} testId="step-create">
        <UnitPicker units={units} level={level} value={code} fixed={own !== null} onChange={setChosen} />
        <YearField year={props.year} onChange={props.onYear} />
        <div>{t("createTemplateHint")}</div>
        <BigButton
          testId="create-template"
          disabled={busy || loading}
          onClick={() => void flow.createTemplate(planTemplate(props.year, code, known, session.districts), props.year)}
        >
          {t("createTemplate")}
        </BigButton>
        <Button
          data-testid="create-result-template"
          disabled={busy || loading}
          onClick={() => void flow.createResultTemplate(planTemplate(props.year, code, known, session.districts), props.year)}
        >
          {t("createResultTemplate")}
        </Button>
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
        {loading ? <BusyLine label={t("setupLoading", { year: props.year })} /> : null}
        {flow.busy === "create" ? <BusyLine label={t("creating")} /> : null}
        {flow.error && flow.errorAt === "create" ? <ErrorBar error={flow.error} /> : null}
        {flow.note ? (
          <InfoBar intent="success" testId="template-created">
            {flow.note.result
              ? flow.note.result.revision === null
                ? t("resultTemplateCreatedNoPlan", { year: flow.note.year, name: flow.note.name })
                : t("resultTemplateCreated", { year: flow.note.year, name: flow.note.name, revision: flow.note.result.revision })
              : flow.note.ntm2
                ? t("templateCreatedNtm2", {
                    year: flow.note.year,
                    name: flow.note.name,
                    communes: flow.note.ntm2.communes,
                    set: flow.note.ntm2.set,
                    size: flow.note.ntm2.size,
                  })
                : t("templateCreated", { year: flow.note.year, name: flow.note.name })}
            {flow.note.skipped.length > 0 ? <div>{t("skippedFeatures", { list: flow.note.skipped.join(", ") })}</div> : null}
            {flow.note.carry && flow.note.carry.length > 0 ? (
              <ul data-testid="carry-notes">
                {flow.note.carry.map((n) => (
                  <li key={n.vi}>{n[lang]}</li>
                ))}
              </ul>
            ) : null}
          </InfoBar>
        ) : null}
      </Section>

      <Section title={t("stepCheck")} testId="step-check">
        <BigButton testId="check" disabled={busy || loading} onClick={() => void flow.check(plan)}>
          {t("check")}
        </BigButton>
        {flow.busy === "check" || flow.busy === "prepare" ? <BusyLine label={t("checkingSheets")} /> : null}
        {flow.error && flow.errorAt === "check" ? <ErrorBar error={flow.error} /> : null}
        {flow.issues !== null && hasErrors(flow.issues) ? <div>{t("markedCells")}</div> : null}
        {flow.issues !== null ? <IssueList issues={flow.issues} onSelect={flow.selectCell} /> : null}
        <ConvertCard port={props.port} issues={flow.issues} busy={busy || loading} recheck={() => flow.check(plan)} />
      </Section>

      <Section title={t("stepSubmit")} testId="step-submit">
        <BigButton
          primary
          testId="submit"
          disabled={busy || loading || locked || flow.review !== null}
          onClick={() => void flow.prepare(plan)}
        >
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
        {flow.receipt ? <ReceiptCard receipt={flow.receipt} fresh={flow.fresh} name={receiptUnit?.name} /> : null}
      </Section>
    </div>
  );
}
