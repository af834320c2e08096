import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue } from "../../shared/result.ts";
import { hasErrors } from "../../shared/result.ts";
import { useI18n } from "../hooks/use-i18n.ts";
import { groupIssues } from "../model/group-issues.ts";
import { InfoBar } from "./info-bar.tsx";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: "10px" },
  group: { display: "flex", flexDirection: "column", gap: "4px" },
  heading: { margin: "4px 0 0", fontSize: "15px", fontWeight: 600 },
  item: {
    display: "flex",
    gap: "8px",
    alignItems: "baseline",
    textAlign: "left",
    width: "100%",
    padding: "8px 10px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer",
    backgroundColor: tokens.colorNeutralBackground1,
    font: "inherit",
    color: "inherit",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  error: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `4px solid ${tokens.colorPaletteYellowBorder2}` },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: 700, whiteSpace: "nowrap" },
  commune: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap" },
  counts: { fontWeight: 600 },
});

/** A stable React key: the same issue keeps its row when the list is refreshed. */
const issueKey = (i: Issue): string => `${i.code}|${i.sheet ?? ""}|${i.cell ?? ""}|${i.commune ?? ""}|${i.message}`;

function IssueItem({ issue, onSelect }: { issue: Issue; onSelect: (i: Issue) => void }) {
  const { lang, t } = useI18n();
  const s = useStyles();
  const canSelect = Boolean(issue.sheet && issue.cell);
  return (
    <li style={{ listStyle: "none" }}>
      <button
        type="button"
        className={`${s.item} ${issue.severity === "error" ? s.error : s.warning}`}
        data-testid="issue"
        data-code={issue.code}
        data-cell={issue.cell ?? ""}
        data-sheet={issue.sheet ?? ""}
        disabled={!canSelect}
        onClick={() => onSelect(issue)}
      >
        {issue.cell ? <span className={s.cell}>{issue.cell}</span> : null}
        <span>
          {lang === "vi" ? issue.message : issue.messageEn}
          {issue.commune ? <span className={s.commune}> · {t("commune", { code: issue.commune })}</span> : null}
        </span>
      </button>
    </li>
  );
}

/** Errors and warnings grouped by sheet, the cell first; clicking one selects its cell. */
export function IssueList({ issues, onSelect }: { issues: readonly Issue[]; onSelect: (i: Issue) => void }) {
  const { t } = useI18n();
  const s = useStyles();
  if (issues.length === 0)
    return (
      <InfoBar intent="success" testId="no-issues">
        {t("noIssues")}
      </InfoBar>
    );
  const errors = issues.filter((i) => i.severity === "error").length;
  return (
    <div className={s.list} data-testid="issue-list">
      <div className={s.counts} role="status">
        <Badge color={hasErrors(issues) ? "danger" : "warning"} shape="rounded">
          {t("issueCounts", { errors, warnings: issues.length - errors })}
        </Badge>
      </div>
      <div>{t("selectCellHint")}</div>
      {groupIssues(issues).map((g) => (
        <div key={g.sheet ?? ""} className={s.group}>
          <h3 className={s.heading}>{g.sheet ? t("sheetGroup", { sheet: g.sheet }) : t("workbookGroup")}</h3>
          {g.errors.length > 0 ? <div>{t("errorsTitle")}</div> : null}
          <ul style={{ margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" }}>
            {g.errors.map((i) => (
              <IssueItem key={issueKey(i)} issue={i} onSelect={onSelect} />
            ))}
          </ul>
          {g.warnings.length > 0 ? <div>{t("warningsTitle")}</div> : null}
          <ul style={{ margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" }}>
            {g.warnings.map((i) => (
              <IssueItem key={issueKey(i)} issue={i} onSelect={onSelect} />
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
