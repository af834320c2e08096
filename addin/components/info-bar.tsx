import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { ReactNode } from "react";

/** A short note (success, warning or info) in a message bar. */
export function InfoBar({ intent, children, testId }: { intent: "success" | "warning" | "info"; children: ReactNode; testId?: string }) {
  return (
    <MessageBar intent={intent} data-testid={testId}>
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
