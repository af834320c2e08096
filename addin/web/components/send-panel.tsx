import { formatVietnamTime } from "../../../shared/report/report-sheet.ts";
import type { SubmitResponse } from "../../../shared/schemas/api/submissions.ts";
import { formatMoney, formatNumber } from "../../i18n/format.ts";
import type { Review } from "../../model/district-flow.ts";
import { useWebI18n } from "../hooks/use-web-i18n.ts";
import type { WebI18n } from "../hooks/use-web-i18n.ts";
import { Notice } from "./notice.tsx";

const STEPS = ["stepRead", "stepCheck", "stepSend", "stepDone"] as const;

/** The four steps of a submission as an ordered list: done ✓, running …, to come. */
export function SendSteps(props: { done: number; running: number | null }) {
  const { t } = useWebI18n();
  return (
    <ol className="steps" data-testid="send-steps" aria-label={t("stepSend")}>
      {STEPS.map((key, i) => {
        const state = i < props.done ? "done" : props.running === i ? "running" : "todo";
        return (
          <li key={key} className={state} data-state={state} aria-current={state === "running" ? "step" : undefined}>
            {t(key)}
          </li>
        );
      })}
    </ol>
  );
}

function diffLine({ lang, t }: WebI18n, review: Review): string {
  const d = review.diff;
  if (d === null) return t("previewFirst");
  if (d === "notCompared") return t("previewNotCompared");
  if (d.same) return t("previewSame", { revision: d.previousRevision });
  return t("previewDiff", {
    revision: d.previousRevision,
    added: d.added.length,
    removed: d.removed.length,
    changed: d.changed.length,
    ntmBefore: d.ntm.before,
    ntmAfter: d.ntm.after,
    capitalBefore: formatMoney(lang, d.capital.before),
    capitalAfter: formatMoney(lang, d.capital.after),
  });
}

/** What will be sent (unit, year, communes, NTM communes, capital) and how it differs from the last revision. */
export function Preview(props: { review: Review }) {
  const i18n = useWebI18n();
  const { lang, t } = i18n;
  const s = props.review.summary;
  return (
    <div data-testid="preview">
      <dl className="summary">
        <dt>{t("previewUnit")}</dt>
        <dd data-testid="preview-unit">
          {s.unit} — {s.name}
        </dd>
        <dt>{t("previewYear")}</dt>
        <dd>{s.year}</dd>
        <dt>{t("previewCommunes")}</dt>
        <dd data-testid="preview-communes">{formatNumber(lang, s.communes)}</dd>
        <dt>{t("previewNtm")}</dt>
        <dd data-testid="preview-ntm">{formatNumber(lang, s.ntmPlan)}</dd>
        <dt>{t("previewCapital")}</dt>
        <dd data-testid="preview-capital">{formatMoney(lang, s.capitalThousand)}</dd>
      </dl>
      <p data-testid="preview-diff">{diffLine(i18n, props.review)}</p>
    </div>
  );
}

/** The receipt of a stored (or deduplicated) submission. */
export function Receipt(props: { receipt: SubmitResponse }) {
  const { t } = useWebI18n();
  const r = props.receipt;
  const unit = r.unit ?? r.district;
  return (
    <Notice kind="success" testId="receipt">
      <strong>{t("receiptTitle")}</strong>
      <div data-testid="receipt-line">
        {r.deduplicated
          ? t("receiptSame", { revision: r.revision, unit, year: r.year })
          : t("receiptStored", { revision: r.revision, unit, year: r.year })}
      </div>
      <div>
        {t("receiptId")}: <code data-testid="receipt-id">{r.id}</code>
      </div>
      <div>
        {t("receiptAt")}: {formatVietnamTime(r.submittedAt)}
      </div>
    </Notice>
  );
}
