import { errorDetails, errorText } from "../../i18n/error-text.ts";
import type { UiError } from "../../model/ui-error.ts";
import { useWebI18n } from "../hooks/use-web-i18n.ts";
import { Notice } from "./notice.tsx";

/** A failure in the page's language, with the server's own words under it. */
export function ErrorNotice(props: { error: UiError | null; testId?: string }) {
  const { lang } = useWebI18n();
  if (!props.error) return null;
  return (
    <Notice kind="error" testId={props.testId ?? "error"}>
      <strong>{errorText(lang, props.error)}</strong>
      {errorDetails(lang, props.error).map((d) => (
        <div key={d}>{d}</div>
      ))}
    </Notice>
  );
}
