import type { Issue } from "../../../shared/result.ts";
import { useWebI18n } from "../hooks/use-web-i18n.ts";
import { CELL_COLUMNS, ColumnHeads } from "./column-heads.tsx";

/** Rows drawn at once: a 10,000-commune file can have tens of thousands of issues. */
export const SHOWN_ISSUES = 500;

/** The issues as a table: level, sheet, cell, commune, message (errors first, in the reader's order). */
export function IssueTable(props: { issues: readonly Issue[] }) {
  const { lang, t } = useWebI18n();
  const sorted = [...props.issues.filter((i) => i.severity === "error"), ...props.issues.filter((i) => i.severity !== "error")];
  const shown = sorted.slice(0, SHOWN_ISSUES);
  return (
    <>
      <table className="issues" data-testid="issue-table">
        <ColumnHeads keys={["colSeverity", ...CELL_COLUMNS]} />
        <tbody>
          {shown.map((i) => (
            <tr
              key={`${i.code}|${i.sheet ?? ""}|${i.cell ?? ""}|${i.commune ?? ""}|${i.message}`}
              className={i.severity}
              data-code={i.code}
              data-cell={i.cell ?? ""}
            >
              <td>{i.severity === "error" ? t("severityError") : t("severityWarning")}</td>
              <td>{i.sheet ?? ""}</td>
              <td className="cell">{i.cell ?? ""}</td>
              <td>{i.commune ?? ""}</td>
              <td>{lang === "en" ? i.messageEn : i.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sorted.length > shown.length ? (
        <p className="hint">{t("issuesMore", { count: sorted.length - shown.length, shown: shown.length })}</p>
      ) : null}
    </>
  );
}
