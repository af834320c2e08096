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

/** A template split once at its placeholders: text, name, text, name, ..., text. */
const COMPILED = new Map<string, readonly string[]>();
const COMPILED_LIMIT = 2000;

function compile(template: string): readonly string[] {
  let parts = COMPILED.get(template);
  if (parts !== undefined) return parts;
  const split: string[] = [];
  let from = 0;
  const placeholder = /\{(\w+)\}/g;
  for (let m = placeholder.exec(template); m !== null; m = placeholder.exec(template)) {
    split.push(template.slice(from, m.index), m[1]!);
    from = m.index + m[0].length;
  }
  split.push(template.slice(from));
  parts = split;
  if (COMPILED.size >= COMPILED_LIMIT) COMPILED.clear();
  COMPILED.set(template, parts);
  return parts;
}

/**
 * `template` with each `{name}` replaced by `params[name]`; unknown placeholders are kept as typed.
 * Each distinct template is split at its placeholders once (issues repeat by the thousand).
 */
export function fill(template: string, params: Params = {}): string {
  const parts = compile(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : `{${name}}`;
    out += parts[i + 1]!;
  }
  return out;
}

/** The text of `key` in `lang`, placeholders filled. */
export function render<K extends string>(catalogue: Catalogue<K>, key: K, lang: Lang, params: Params = {}): string {
  return fill(catalogue[key][lang], params);
}

/** Both languages of `key`, placeholders filled (for issues and error bodies, which carry both). */
export function renderBoth<K extends string>(catalogue: Catalogue<K>, key: K, params: Params = {}): Texts {
  return { vi: fill(catalogue[key].vi, params), en: fill(catalogue[key].en, params) };
}
