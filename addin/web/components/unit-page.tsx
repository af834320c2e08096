import { useMemo } from "react";
import type { ReferenceData } from "../../../shared/reference/index.ts";
import type { LazyApi } from "../../host/lazy-api.ts";
import { useUnitReview } from "../../hooks/use-unit-review.ts";
import { useYearSetup } from "../../hooks/use-setup-flow.ts";
import type { DistrictRef } from "../../model/district-flow.ts";
import { checkPlanOf } from "../../model/district-flow.ts";
import { knownSetup, planTemplate } from "../../model/template-plan.ts";
import { sendLocked } from "../../model/unit-review.ts";
import { useFileFlow } from "../hooks/use-file-flow.ts";
import { useWebI18n } from "../hooks/use-web-i18n.ts";
import { canSend, shownIssues, stepsOf } from "../model/file-flow.ts";
import { ErrorNotice } from "./error-notice.tsx";
import { FilePicker } from "./file-picker.tsx";
import { IssueTable } from "./issue-table.tsx";
import { LegacyOffer } from "./legacy-offer.tsx";
import { Notice } from "./notice.tsx";
import { Preview, Receipt, SendSteps } from "./send-panel.tsx";
import { TemplateDownload } from "./template-download.tsx";
import { UnitStatus } from "./unit-status.tsx";

/**
 * A reporting unit's page: its status and the office's comments, the blank template, then a file
 * read and checked in the browser (issues, legacy text, preview) and sent with a receipt.
 */
export function UnitPage(props: { api: LazyApi; unit: string; year: number; districts: readonly DistrictRef[]; reference: ReferenceData }) {
  const { t, lang } = useWebI18n();
  const { api, unit, year, districts, reference } = props;
  const yearSetup = useYearSetup(api, year, true);
  const { status, setup, error } = yearSetup;
  // One plan per answer of the server (the hooks below reload when it changes).
  const known = useMemo(() => knownSetup({ status, setup, error }), [status, setup, error]);
  const plan = useMemo(() => checkPlanOf(known), [known]);
  const template = useMemo(() => planTemplate(year, unit, known, districts), [year, unit, known, districts]);
  const flow = useFileFlow(api, plan, reference);
  const review = useUnitReview(api, year, unit, true, flow.receipt?.id ?? null);
  const locked = sendLocked(review.row);
  const issues = shownIssues(flow);
  const check = flow.check;
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  const steps = stepsOf(flow);
  return (
    <>
      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title">{t("statusTitle")}</h2>
        {review.row ? <UnitStatus year={year} row={review.row} /> : review.loading ? <p>{t("loading")}</p> : <p>{t("statusNone")}</p>}
        <ErrorNotice error={review.error} />
      </section>
      <TemplateDownload api={api} plan={template} year={year} reference={reference} />
      <section className="card" aria-labelledby="file-title">
        <h2 id="file-title">{t("fileTitle")}</h2>
        {/* While the year's setup loads, a file would be checked under the wrong template version. */}
        <FilePicker
          busy={flow.phase === "reading" || flow.phase === "sending" || status === "loading"}
          onFile={(f) => void flow.choose(f)}
        />
        {flow.file ? (
          <p data-testid="file-chosen">{t("fileChosen", { file: flow.file.name, size: Math.ceil(flow.file.size / 1024) })}</p>
        ) : null}
        {flow.phase === "reading" && flow.file ? (
          <p role="status" data-testid="file-reading">
            {t("fileReading", { file: flow.file.name })}
          </p>
        ) : null}
        <ErrorNotice error={flow.error} />
      </section>
      {check ? (
        <section className="card" aria-labelledby="issues-title" data-testid="check-results" data-checked-ms={flow.checkedMs?.toFixed(0)}>
          <h2 id="issues-title">{t("issuesTitle")}</h2>
          {check.kind === "refused" ? (
            <Notice kind="error" testId="file-refused">
              <strong>{t("fileRefused")}</strong>
              {check.issues.map((i) => (
                <div key={i.code} data-code={i.code}>
                  {lang === "en" ? i.messageEn : i.message}
                </div>
              ))}
            </Notice>
          ) : (
            <>
              <Notice kind={errors > 0 ? "error" : warnings > 0 ? "warning" : "success"} testId="issues-summary">
                {errors > 0 ? t("issuesErrors", { errors, warnings }) : warnings > 0 ? t("issuesWarnings", { warnings }) : t("issuesNone")}
              </Notice>
              {flow.checkedMs !== null ? (
                <p className="hint">
                  {t("checkedIn", {
                    seconds: (flow.checkedMs / 1000).toLocaleString(lang === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits: 2 }),
                  })}
                </p>
              ) : null}
              {flow.converted.length > 0 ? (
                <Notice kind="info" testId="legacy-done">
                  {t("legacyDone", { count: flow.converted.length })}{" "}
                  <button type="button" onClick={() => void flow.downloadConverted()} data-testid="legacy-download">
                    {t("legacyDownload")}
                  </button>
                </Notice>
              ) : null}
              {check.legacy.length > 0 ? <LegacyOffer changes={check.legacy} onConfirm={() => void flow.convert()} /> : null}
              {issues.length > 0 ? <IssueTable issues={issues} /> : null}
            </>
          )}
        </section>
      ) : null}
      {flow.review || flow.receipt || flow.refused ? (
        <section className="card" aria-labelledby="send-title">
          <h2 id="send-title">{t("previewTitle")}</h2>
          <SendSteps done={steps.done} running={steps.running} />
          {flow.review ? <Preview review={flow.review} /> : null}
          {locked ? <Notice kind="info">{t("sendLocked")}</Notice> : null}
          {flow.phase !== "sent" ? (
            <button type="button" className="primary" disabled={!canSend(flow, locked)} onClick={() => void flow.send()} data-testid="send">
              {t("sendButton")}
            </button>
          ) : null}
          {flow.refused ? (
            <>
              <Notice kind="error" testId="send-refused">
                {t("sendRefused")}
              </Notice>
              <ErrorNotice error={flow.refused} testId="send-error" />
            </>
          ) : null}
          {flow.receipt ? <Receipt receipt={flow.receipt} /> : null}
        </section>
      ) : null}
    </>
  );
}
