import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { KeyboardEvent } from "react";

/**
 * The pane's tabs (WAI-ARIA tabs pattern: one tab stop, arrow keys, Home/End). Fluent's TabList
 * would bring its focus-management library (about 25 KB gzip) into the first paint for three tabs.
 */
export type PaneTab<K extends string> = { value: K; label: string; testId: string };

const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", gap: "4px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tab: {
    minHeight: "40px",
    padding: "8px 12px",
    border: "none",
    borderBottom: "3px solid transparent",
    background: "none",
    font: "inherit",
    fontSize: tokens.fontSizeBase400,
    color: tokens.colorNeutralForeground2,
    cursor: "pointer",
    ":hover": { color: tokens.colorNeutralForeground1, borderBottomColor: tokens.colorNeutralStroke1 },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorBrandStroke1,
    ":hover": { borderBottomColor: tokens.colorBrandStroke1 },
  },
});

export function PaneTabs<K extends string>({
  tabs,
  selected,
  onSelect,
}: {
  tabs: readonly PaneTab<K>[];
  selected: K | null;
  onSelect: (k: K) => void;
}) {
  const s = useStyles();
  const move = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = tabs.length - 1;
    const next =
      e.key === "ArrowRight"
        ? index === last
          ? 0
          : index + 1
        : e.key === "ArrowLeft"
          ? index === 0
            ? last
            : index - 1
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? last
              : null;
    if (next === null) return;
    e.preventDefault();
    onSelect(tabs[next]!.value);
    (e.currentTarget.parentElement?.children[next] as HTMLElement | undefined)?.focus();
  };
  return (
    <div role="tablist" className={s.list}>
      {tabs.map((tab, i) => {
        const on = tab.value === selected;
        return (
          <button
            key={tab.value}
            type="button"
            role="tab"
            aria-selected={on}
            tabIndex={on || (selected === null && i === 0) ? 0 : -1}
            className={mergeClasses(s.tab, on && s.selected)}
            data-testid={tab.testId}
            onClick={() => onSelect(tab.value)}
            onKeyDown={(e) => move(e, i)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
