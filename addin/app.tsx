import { FluentProvider, makeStyles, Title3, tokens, webLightTheme } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { BusyLine } from "./components/busy-line.tsx";
import { LanguageSwitch } from "./components/language-switch.tsx";
import { InfoBar } from "./components/info-bar.tsx";
import { PaneTabs } from "./components/pane-tabs.tsx";
import type { PaneTab } from "./components/pane-tabs.tsx";
import { SettingsPanel } from "./components/settings-panel.tsx";
import type { PanePort } from "./host/lazy-port.ts";
import type { HostInfo } from "./excel/office-host.ts";
import { I18nContext, makeI18n } from "./hooks/use-i18n.ts";
import { useSession } from "./hooks/use-session.ts";
import { useSettings } from "./hooks/use-settings.ts";
import type { Lang } from "./i18n/format.ts";

type TabKey = "district" | "office" | "setup" | "settings";

/**
 * The panels are chunks of their own, not needed for the first paint (the settings, or the
 * connection check while a stored token is verified): the district's is fetched at once in the
 * background, the office's and the setup's (office and administrator only) when their tab opens.
 */
const loadDistrictPanel = () => import("./components/district-panel.tsx");
const DistrictPanel = lazy(async () => ({ default: (await loadDistrictPanel()).DistrictPanel }));
const OfficePanel = lazy(async () => ({ default: (await import("./components/office-panel.tsx")).OfficePanel }));
const SetupPanel = lazy(async () => ({ default: (await import("./components/setup-panel.tsx")).SetupPanel }));

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "12px",
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: "15px",
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px" },
});

/** The task pane: tabs and state only (no router: office.js nulls the history API). */
export function App({ host, port, origin }: { host: HostInfo; port: PanePort | null; origin: string }) {
  const s = useStyles();
  const [lang, setLang] = useState<Lang>(() => (host.displayLanguage?.toLowerCase().startsWith("en") ? "en" : "vi"));
  const i18n = useMemo(() => makeI18n(lang, setLang), [lang]);
  const { t } = i18n;
  const [settings, saveSettings] = useSettings(host.partitionKey);
  const session = useSession(settings, origin);
  const [year, setYear] = useState(() => new Date().getFullYear());
  const role = session.me?.role ?? null;
  const canOffice = role === "office" || role === "admin";
  // "auto": opened with a stored token; the tab of its role opens once `/me` answers.
  const [tab, setTab] = useState<TabKey | "auto">(settings.token ? "auto" : "settings");

  useEffect(() => {
    if (tab !== "auto") return;
    if (session.status === "ready") setTab(canOffice ? "office" : "district");
    else if (session.status === "error" || session.status === "no-token") setTab("settings");
  }, [tab, session.status, canOffice]);

  const tabs: PaneTab<TabKey>[] = [
    { value: "district", label: t("tabDistrict"), testId: "tab-district" },
    ...(canOffice
      ? [
          { value: "office" as const, label: t("tabOffice"), testId: "tab-office" },
          { value: "setup" as const, label: t("tabSetup"), testId: "tab-setup" },
        ]
      : []),
    { value: "settings", label: t("tabSettings"), testId: "tab-settings" },
  ];

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    void loadDistrictPanel();
  }, []);

  return (
    <I18nContext.Provider value={i18n}>
      <FluentProvider theme={webLightTheme}>
        <main className={s.page} data-testid="app" data-session={session.status}>
          <div className={s.header}>
            <Title3 as="h1">{t("appTitle")}</Title3>
            <LanguageSwitch />
          </div>
          {!host.excel ? (
            <InfoBar intent="warning" testId="no-excel">
              {t("noExcel")}
            </InfoBar>
          ) : null}
          {tab === "auto" ? <BusyLine label={t("checking")} /> : null}
          <PaneTabs tabs={tabs} selected={tab === "auto" ? null : tab} onSelect={setTab} />
          {tab !== "settings" && session.status === "no-token" ? (
            <InfoBar intent="warning" testId="need-token">
              {t("needToken")}
            </InfoBar>
          ) : null}
          <Suspense fallback={<BusyLine label={t("loading")} />}>
            {tab === "district" ? <DistrictPanel port={port} session={session} year={year} onYear={setYear} /> : null}
            {tab === "office" && canOffice ? <OfficePanel port={port} session={session} year={year} onYear={setYear} /> : null}
            {tab === "setup" && canOffice ? <SetupPanel port={port} session={session} year={year} onYear={setYear} /> : null}
          </Suspense>
          {tab === "settings" ? <SettingsPanel settings={settings} onSave={saveSettings} session={session} origin={origin} /> : null}
        </main>
      </FluentProvider>
    </I18nContext.Provider>
  );
}
