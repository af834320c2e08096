import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { UiError } from "../model/ui-error.ts";
import { useI18n } from "../hooks/use-i18n.ts";

/** A failure in the pane's language; the server's or Excel's own words under it. */
export function ErrorBar({ error }: { error: UiError }) {
  const { lang } = useI18n();
  const text = lang === "vi" ? error.message : error.messageEn;
  return (
    <MessageBar intent="error" role="alert" data-testid="error-bar">
      <MessageBarBody>
        <MessageBarTitle>{text}</MessageBarTitle>
        {error.detail && error.detail !== text ? <div>{error.detail}</div> : null}
      </MessageBarBody>
    </MessageBar>
  );
}
