import { createContext, useContext } from "react";
import type { Lang } from "../i18n/format.ts";
import { format } from "../i18n/format.ts";
import type { Params } from "../../shared/text/catalogue.ts";
import type { MessageKey } from "../i18n/messages.ts";

export type I18n = {
  lang: Lang;
  t: (key: MessageKey, params?: Params) => string;
  setLang: (lang: Lang) => void;
};

export function makeI18n(lang: Lang, setLang: (l: Lang) => void): I18n {
  return { lang, setLang, t: (key, params) => format(lang, key, params) };
}

export const I18nContext = createContext<I18n>(makeI18n("vi", () => {}));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
