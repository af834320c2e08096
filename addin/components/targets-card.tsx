import { makeStyles, tokens } from "@fluentui/react-components";
import { hasErrors } from "../../shared/result.ts";
import type { TargetRow } from "../../shared/schemas/report.ts";
import type { PanePort } from "../host/lazy-port.ts";
import { useI18n } from "../hooks/use-i18n.ts";
import type { Session } from "../hooks/use-session.ts";
import { useTargetsFlow } from "../hooks/use-targets-flow.ts";
import { formatNumber } from "../i18n/format.ts";
import { BigButton } from "./big-button.tsx";
import { BusyLine } from "./busy-line.tsx";
import { ErrorBar } from "./error-bar.tsx";
import { InfoBar } from "./info-bar.tsx";
import { IssueList } from "./issue-list.tsx";
import { Section } from "./section.tsx";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { padding: "2px 4px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: "right" },
  label: { padding: "2px 4px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: "left" },
  short: { color: tokens.colorPaletteRedForeground1, fontWeight: 600 },
});

/** Target, plan, gap and met of each target (cycle.md "Targets"). */
function TargetsTable({ rows, testId }: { rows: readonly TargetRow[]; testId: string }) {
  const { t, lang } = useI18n();
  const s = useStyles();
  const n = (x: number) => formatNumber(lang, x);
  return (
    <table className={s.table} data-testid={testId}>
      <thead>
        <tr>
          <th className={s.label}>{t("targetsColTarget")}</th>
          <th className={s.cell}>{t("targetsColGoal")}</th>
          <th className={s.cell}>{t("targetsColPlan")}</th>
          <th className={s.cell}>{t("targetsColGap")}</th>
          <th className={s.cell}>{t("targetsColMet")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key} data-met={r.met ? "true" : "false"}>
            <td className={s.label}>{r.label}</td>
            <td className={s.cell}>{n(r.target)}</td>
            <td className={s.cell}>{n(r.plan)}</td>
            <td className={s.cell}>{n(r.gap)}</td>
            <td className={r.met ? s.cell : `${s.cell} ${s.short}`}>{t(r.met ? "targetsMet" : "targetsNotMet")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * `Áp dụng chỉ tiêu` (office, admin): applies the `Chỉ tiêu` workbook open in Excel; its issues by
 * cell (a click selects the cell), nothing sent while any is an error; after applying, the year's
 * targets against the summed plans, then each unit's.
 */
export function TargetsCard(props: { port: PanePort | null; session: Session }) {
  const { t } = useI18n();
  const flow = useTargetsFlow(props.port, props.session.api);
  const a = flow.applied;
  return (
    <Section title={t("applyTargets")} testId="targets">
      <div>{t("applyTargetsHint")}</div>
      <BigButton testId="apply-targets" disabled={flow.busy} onClick={() => void flow.apply()}>
        {t("applyTargets")}
      </BigButton>
      {flow.busy ? <BusyLine label={t("applyingTargets")} /> : null}
      {flow.error ? <ErrorBar error={flow.error} testId="targets-error" /> : null}
      {flow.issues !== null && hasErrors(flow.issues) ? (
        <InfoBar intent="warning" testId="targets-not-stored">
          {t(flow.refused ? "targetsRefused" : "targetsNotSent")}
        </InfoBar>
      ) : null}
      {flow.issues !== null && flow.issues.length > 0 ? <IssueList issues={flow.issues} onSelect={flow.selectCell} /> : null}
      {a ? (
        <>
          <InfoBar intent="success" testId="targets-applied">
            {t("targetsApplied", { year: a.year, province: a.province, units: a.units })}
          </InfoBar>
          {a.rows.length > 0 ? <TargetsTable rows={a.rows} testId="targets-table" /> : null}
          {a.unitRows.map((u) => (
            <div key={u.unit}>
              <strong>{t("targetsOfUnit", { unit: u.unit })}</strong>
              <TargetsTable rows={u.targets} testId={`targets-unit-${u.unit}`} />
            </div>
          ))}
        </>
      ) : null}
    </Section>
  );
}
