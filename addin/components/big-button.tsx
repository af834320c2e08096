import { Button, makeStyles } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({ big: { width: "100%", minHeight: "44px", fontSize: "16px", justifyContent: "center" } });

/** The pane's main action buttons: full width, large, easy to hit. */
export function BigButton(props: { onClick: () => void; disabled?: boolean; primary?: boolean; children: ReactNode; testId?: string }) {
  const s = useStyles();
  return (
    <Button
      className={s.big}
      size="large"
      appearance={props.primary ? "primary" : "secondary"}
      disabled={props.disabled}
      onClick={props.onClick}
      data-testid={props.testId}
    >
      {props.children}
    </Button>
  );
}
