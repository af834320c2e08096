import { useEffect, useMemo, useState } from "react";
import type { Lang } from "../../shared/text/catalogue.ts";
import { useSession } from "../hooks/use-session.ts";
import { useSettings } from "../hooks/use-settings.ts";
import { OfficePage } from "./components/office-page.tsx";
import { SignIn } from "./components/sign-in.tsx";
import { UnitPage } from "./components/unit-page.tsx";
import { YearInput } from "./components/year-input.tsx";
import { WebI18nContext, makeWebI18n } from "./hooks/use-web-i18n.ts";

/**
 * The web page `/nop` for units without the add-in, on the Worker's own origin: sign in with a token
 * (kept in this browser as the task pane keeps it), then a unit's page or the office's page.
 */
export function WebApp(props: { origin: string }) {
  const [lang, setLang] = useState<Lang>("vi");
  const i18n = useMemo(() => makeWebI18n(lang, setLang), [lang]);
  const { t } = i18n;
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const [settings, setSettings] = useSettings(null);
  const session = useSession(settings, props.origin);
  const [year, setYear] = useState(() => new Date().getFullYear());
  const me = session.me;
  const signedIn = session.status === "ready" && me !== null;
  const unitName = session.unit ? (session.districts.find((d) => d.code === session.unit)?.name ?? me?.label ?? "") : "";
  return (
    <WebI18nContext.Provider value={i18n}>
      <header className="top">
        <h1>{t("webTitle")}</h1>
        <button
          type="button"
          className="link"
          onClick={() => setLang(lang === "vi" ? "en" : "vi")}
          data-testid="language"
          lang={lang === "vi" ? "en" : "vi"}
        >
          {t("switchToOther")}
        </button>
      </header>
      <main data-testid="web-app" data-role={me?.role ?? ""}>
        <p className="intro">{t("webIntro")}</p>
        {!signedIn ? (
          <SignIn
            busy={session.status === "loading"}
            error={session.error}
            onSignIn={(token) => setSettings({ server: settings.server, token })}
          />
        ) : (
          <>
            <p className="who" data-testid="who">
              {session.unit
                ? t("signedInUnit", { code: session.unit, name: unitName })
                : t("signedInOffice", { role: t(me.role === "admin" ? "roleAdmin" : "roleOffice"), label: me.label })}{" "}
              <button
                type="button"
                className="link"
                onClick={() => setSettings({ server: settings.server, token: "" })}
                data-testid="sign-out"
              >
                {t("signOut")}
              </button>
            </p>
            <YearInput year={year} onChange={setYear} />
            {session.unit ? (
              <UnitPage api={session.api} unit={session.unit} year={year} districts={session.districts} reference={session.reference} />
            ) : (
              <OfficePage api={session.api} year={year} />
            )}
          </>
        )}
      </main>
    </WebI18nContext.Provider>
  );
}
