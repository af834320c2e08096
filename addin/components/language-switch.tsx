import { Button } from "@fluentui/react-components";
import { useI18n } from "../hooks/use-i18n.ts";

/** Switches between Vietnamese (default) and English. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      appearance="subtle"
      size="medium"
      aria-label={t("language")}
      data-testid="language-switch"
      onClick={() => setLang(lang === "vi" ? "en" : "vi")}
    >
      {t("switchToOther")}
    </Button>
  );
}
