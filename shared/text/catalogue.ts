/**
 * The one shape of every bilingual message catalogue in the project (template issues, API
 * failures, CLI messages, the task pane): a stable key → `{ vi, en }`, Vietnamese first, with
 * `{name}` placeholders filled from parameters. Code that fails returns the key and the parameters;
 * the text is resolved where it is shown (`render`).
 */
export type Lang = "vi" | "en";

export type Texts = { readonly vi: string; readonly en: string };

export type Catalogue<K extends string = string> = { readonly [key in K]: Texts };

export type Params = Readonly<Record<string, string | number>>;

/** `template` with each `{name}` replaced by `params[name]`; unknown placeholders are kept as typed. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : all,
  );
}

/** The text of `key` in `lang`, placeholders filled. */
export function render<K extends string>(catalogue: Catalogue<K>, key: K, lang: Lang, params: Params = {}): string {
  return fill(catalogue[key][lang], params);
}

/** Both languages of `key`, placeholders filled (for issues and error bodies, which carry both). */
export function renderBoth<K extends string>(catalogue: Catalogue<K>, key: K, params: Params = {}): Texts {
  return { vi: fill(catalogue[key].vi, params), en: fill(catalogue[key].en, params) };
}
