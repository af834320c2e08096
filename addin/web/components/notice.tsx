import type { ReactNode } from "react";

/** A message box: `role="alert"` for errors (read out at once), `status` otherwise. */
export function Notice(props: { kind: "error" | "warning" | "success" | "info"; testId?: string; children: ReactNode }) {
  return (
    <div className={`notice notice-${props.kind}`} role={props.kind === "error" ? "alert" : "status"} data-testid={props.testId}>
      {props.children}
    </div>
  );
}
