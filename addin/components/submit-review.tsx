import { makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../hooks/use-i18n.ts";
import { formatMoney, formatNumber } from "../i18n/format.ts";
import type { Review } from "../model/district-flow.ts";
import { BigButton } from "./big-button.tsx";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "12px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  grid: { display: "grid", gridTemplateColumns: "1fr auto", gap: "4px 12px", margin: 0 },
  num: { fontWeight: 700, textAlign: "right", margin: 0 },
  changes: { margin: 0, paddingLeft: "18px" },
  row: { display: "flex", gap: "8px" },
});

const MAX_LISTED = 5;

function listNames(items: readonly { code: string; name: string }[]): string {
  const shown = items
    .slice(0, MAX_LISTED)
    .map((c) => `${c.name} (${c.code})`)
    .join(", ");
  return items.length > MAX_LISTED ? `${shown}, …` : shown;
}

/** What will be sent and what changed since the last revision, with the confirm button. */
export function SubmitReview({ review, onConfirm, onCancel }: { review: Review; onConfirm: () => void; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const s = useStyles();
  const { summary, diff, body } = review;
  const ntm2 = body.version === "NTM-2";
  const million = (thousand: number) => formatMoney(lang, thousand);
  return (
    <div className={s.box} data-testid="submit-review">
      <strong>{t("confirmTitle")}</strong>
      <dl className={s.grid}>
        <dt>{t(ntm2 ? "summaryUnit" : "summaryDistrict")}</dt>
        <dd className={s.num} data-testid="summary-unit">
          {summary.name} ({summary.unit})
        </dd>
        <dt>{t("summaryYear")}</dt>
        <dd className={s.num}>{summary.year}</dd>
        <dt>{t("summaryCommunes")}</dt>
        <dd className={s.num} data-testid="summary-communes">
          {formatNumber(lang, summary.communes)}
        </dd>
        <dt>{t("summaryNtm")}</dt>
        <dd className={s.num} data-testid="summary-ntm">
          {formatNumber(lang, summary.ntmPlan)}
        </dd>
        <dt>{t("summaryCapital")}</dt>
        <dd className={s.num} data-testid="summary-capital">
          {million(summary.capitalThousand)}
        </dd>
      </dl>
      <div data-testid="submit-diff">
        {diff === "notCompared" ? (
          t("reviewNotCompared")
        ) : !diff ? (
          t("firstSubmission")
        ) : diff.same ? (
          t("noChanges", { revision: diff.previousRevision })
        ) : (
          <>
            {t("changesSince", { revision: diff.previousRevision })}
            <ul className={s.changes}>
              {diff.added.length > 0 ? <li>{t("changeAdded", { n: diff.added.length, list: listNames(diff.added) })}</li> : null}
              {diff.removed.length > 0 ? <li>{t("changeRemoved", { n: diff.removed.length, list: listNames(diff.removed) })}</li> : null}
              {diff.changed.length > 0 ? <li>{t("changeChanged", { n: diff.changed.length, list: listNames(diff.changed) })}</li> : null}
              {diff.ntm.before !== diff.ntm.after ? <li>{t("changeNtm", { before: diff.ntm.before, after: diff.ntm.after })}</li> : null}
              {diff.capital.before !== diff.capital.after ? (
                <li>{t("changeCapital", { before: million(diff.capital.before), after: million(diff.capital.after) })}</li>
              ) : null}
            </ul>
          </>
        )}
      </div>
      <BigButton primary testId="confirm-send" onClick={onConfirm}>
        {t("confirmSend")}
      </BigButton>
      <BigButton testId="cancel-send" onClick={onCancel}>
        {t("cancel")}
      </BigButton>
    </div>
  );
}
