import { createContext, useContext } from "react";
import type { Lang, Params } from "../../../shared/text/catalogue.ts";
import { render } from "../../../shared/text/catalogue.ts";
import { format } from "../../i18n/format.ts";
import type { MessageKey } from "../../i18n/messages.ts";
import type { WebMessageKey } from "../i18n/web-messages.ts";
import { WEB_MESSAGES } from "../i18n/web-messages.ts";

/** The page's texts (../i18n/web-messages.ts), and the task pane's for what both show (statuses, errors). */
export type WebI18n = { lang: Lang; t: (key: WebMessageKey | MessageKey, params?: Params) => string; setLang: (l: Lang) => void };

const own = (key: string): key is WebMessageKey => Object.prototype.hasOwnProperty.call(WEB_MESSAGES, key);

export function makeWebI18n(lang: Lang, setLang: (l: Lang) => void): WebI18n {
  return { lang, setLang, t: (key, params = {}) => (own(key) ? render(WEB_MESSAGES, key, lang, params) : format(lang, key, params)) };
}

export const WebI18nContext = createContext<WebI18n>(makeWebI18n("vi", () => {}));

export function useWebI18n(): WebI18n {
  return useContext(WebI18nContext);
}
