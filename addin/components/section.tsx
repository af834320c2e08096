import { makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: "10px",
    padding: "12px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** A titled block of the pane (one step of the work). */
export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const s = useStyles();
  return (
    <section className={s.box} data-testid={testId} aria-label={title}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      {children}
    </section>
  );
}
