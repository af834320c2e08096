import { useState } from "react";
import type { UiError } from "../../model/ui-error.ts";
import { useWebI18n } from "../hooks/use-web-i18n.ts";
import { ErrorNotice } from "./error-notice.tsx";

/** The token form: kept in this browser's storage as the task pane keeps it (never sent anywhere but the API). */
export function SignIn(props: { busy: boolean; error: UiError | null; onSignIn: (token: string) => void }) {
  const { t } = useWebI18n();
  const [token, setToken] = useState("");
  return (
    <section className="card" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t("signInTitle")}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim() !== "") props.onSignIn(token.trim());
        }}
      >
        <label htmlFor="token">{t("token")}</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          data-testid="token-input"
        />
        <p className="hint">{t("tokenHint")}</p>
        <button type="submit" className="primary" disabled={props.busy || token.trim() === ""} data-testid="sign-in">
          {props.busy ? t("signingIn") : t("signInButton")}
        </button>
      </form>
      <ErrorNotice error={props.error} testId="sign-in-error" />
    </section>
  );
}
