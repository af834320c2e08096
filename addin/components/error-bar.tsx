import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useI18n } from "../hooks/use-i18n.ts";
import { errorDetails, errorText } from "../i18n/error-text.ts";
import type { UiError } from "../model/ui-error.ts";

/** A failure resolved in the pane's language (optionally under a title); a hint and the server's or Excel's own words under it. */
export function ErrorBar({ error, title, testId }: { error: UiError; title?: string; testId?: string }) {
  const { lang } = useI18n();
  const text = errorText(lang, error);
  return (
    <MessageBar intent="error" role="alert" data-testid={testId ?? "error-bar"} data-code={error.code}>
      <MessageBarBody>
        <MessageBarTitle>{title ?? text}</MessageBarTitle>
        {title ? <div>{text}</div> : null}
        {errorDetails(lang, error).map((d) => (
          <div key={d}>{d}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
