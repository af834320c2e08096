import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { formatVietnamTime } from "../../shared/report/report-sheet.ts";
import { useI18n } from "../hooks/use-i18n.ts";
import { formatNumber } from "../i18n/format.ts";
import type { SetupSummary } from "../model/setup-summary.ts";
import { bandText } from "../model/setup-summary.ts";

const useStyles = makeStyles({
  box: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    gap: "6px 12px",
    padding: "10px 12px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  key: { color: tokens.colorNeutralForeground3 },
  value: { fontWeight: 600, overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: "18px", fontWeight: 400 },
});

/** A year's setup at a glance: set and size, level, units and communes, bands, capital rows, origin. */
export function SetupCard({ summary }: { summary: SetupSummary }) {
  const { t, lang } = useI18n();
  const s = useStyles();
  const n = (x: number) => formatNumber(lang, x);
  const row = (key: string, testId: string, value: ReactNode) => (
    <>
      <span className={s.key}>{key}</span>
      <span className={s.value} data-testid={testId}>
        {value}
      </span>
    </>
  );
  return (
    <div className={s.box} data-testid="setup-summary" data-origin={summary.origin} role="status">
      {row(t("setupCriteriaSet"), "setup-set", t("setupCriteriaSetValue", { id: summary.setId, size: summary.setSize }))}
      {row(t("setupLevel"), "setup-level", t(summary.level === "xã" ? "levelCommune" : "levelDistrict"))}
      {row(t("setupUnits"), "setup-units", n(summary.units))}
      {row(
        t("setupCommunes"),
        "setup-communes",
        summary.communes === null ? (
          t("setupNoCommunes")
        ) : (
          <>
            {n(summary.communes)}
            {summary.groups ? (
              <div style={{ fontWeight: 400 }}>
                {t("setupCommuneGroups", { g1: n(summary.groups[1]), g2: n(summary.groups[2]), g3: n(summary.groups[3]) })}
              </div>
            ) : null}
          </>
        ),
      )}
      {row(
        t("setupBands"),
        "setup-bands",
        <ul className={s.list}>
          {summary.bands.map((b) => (
            <li key={b.key}>{bandText(b)}</li>
          ))}
        </ul>,
      )}
      {row(t("setupCapitalRows"), "setup-capital", t("setupCapitalRowsValue", { count: summary.capitalRows.length }))}
      {summary.planFlags.length > 0 ? row(t("setupPlanFlags"), "setup-flags", summary.planFlags.join(", ")) : null}
      {row(
        t("setupOrigin"),
        "setup-origin",
        summary.origin === "applied" ? t("originApplied", { version: summary.version ?? "-" }) : t("originBuiltin"),
      )}
      {summary.appliedAt ? row(t("setupAppliedWhen"), "setup-applied-at", formatVietnamTime(summary.appliedAt)) : null}
      {summary.appliedBy ? row(t("setupAppliedBy"), "setup-applied-by", summary.appliedBy) : null}
    </div>
  );
}
