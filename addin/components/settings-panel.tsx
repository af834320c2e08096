import { Field, Input, makeStyles, Button } from "@fluentui/react-components";
import { useState } from "react";
import type { Settings } from "../hooks/use-settings.ts";
import type { Session } from "../hooks/use-session.ts";
import { useI18n } from "../hooks/use-i18n.ts";
import { BigButton } from "./big-button.tsx";
import { BusyLine } from "./busy-line.tsx";
import { ErrorBar } from "./error-bar.tsx";
import { Section } from "./section.tsx";
import { WhoAmI } from "./who-am-i.tsx";

const useStyles = makeStyles({ col: { display: "flex", flexDirection: "column", gap: "12px" } });

/** Server URL and token (kept per user on this computer), then who the token is. */
export function SettingsPanel(props: { settings: Settings; onSave: (s: Settings) => void; session: Session; origin: string }) {
  const { t } = useI18n();
  const s = useStyles();
  const [server, setServer] = useState(props.settings.server);
  const [token, setToken] = useState(props.settings.token);
  const { session } = props;
  return (
    <div className={s.col}>
      <Section title={t("settingsTitle")} testId="settings">
        <Field label={t("serverUrl")} hint={t("serverUrlHint")}>
          <Input value={server} placeholder={props.origin} onChange={(_, d) => setServer(d.value)} data-testid="server-input" />
        </Field>
        <Field label={t("token")} hint={t("tokenHint")}>
          <Input type="password" value={token} onChange={(_, d) => setToken(d.value)} autoComplete="off" data-testid="token-input" />
        </Field>
        <BigButton
          primary
          testId="save-settings"
          onClick={() => {
            const next = { server: server.trim(), token: token.trim() };
            if (next.server === props.settings.server && next.token === props.settings.token) session.reload();
            else props.onSave(next);
          }}
        >
          {t("saveAndCheck")}
        </BigButton>
        {props.settings.token ? (
          <Button
            appearance="subtle"
            onClick={() => {
              setToken("");
              props.onSave({ server: server.trim(), token: "" });
            }}
          >
            {t("forgetToken")}
          </Button>
        ) : null}
      </Section>
      {session.status === "loading" ? <BusyLine label={t("checking")} /> : null}
      {session.status === "error" && session.error ? <ErrorBar error={session.error} /> : null}
      {session.status === "ready" && session.me ? <WhoAmI me={session.me} districts={session.districts} /> : null}
    </div>
  );
}
