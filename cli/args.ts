import { parseArgs as parseArgv } from "node:util";
import type { Catalogue } from "../shared/text/catalogue.ts";
import { bilingual } from "./output.ts";

/**
 * The commands' arguments, read by `node:util` `parseArgs` (strict, positionals allowed, `--` ends
 * the options): positionals, boolean flags (`--json`) and options with a value (`--out file`,
 * `--out=file`). Unknown or incomplete options are refused, never guessed; so are an empty value and
 * an option with a value given twice, which `node:util` would accept (a flag may repeat).
 */
export type ArgSpec = { flags?: readonly string[]; options?: readonly string[] };

export type ParsedArgs = {
  positionals: string[];
  flags: Set<string>;
  options: Map<string, string>;
};

export type ArgsResult = { ok: true; value: ParsedArgs } | { ok: false; error: string };

export const ARG_TEXTS = {
  unknown: { vi: "không có tùy chọn {option}", en: "unknown option {option}" },
  needsValue: { vi: "{option} cần một giá trị", en: "{option} needs a value" },
  dashValue: {
    vi: '{option} cần một giá trị (giá trị bắt đầu bằng "-" thì viết {option}=-...)',
    en: '{option} needs a value (write {option}=-... for a value starting with "-")',
  },
  noValue: { vi: "{option} không nhận giá trị", en: "{option} takes no value" },
  twice: { vi: "{option} được ghi hai lần", en: "{option} given twice" },
} satisfies Catalogue;

type Refusal = keyof typeof ARG_TEXTS;

type Config = Record<string, { type: "boolean" | "string" }>;

type Token = ReturnType<typeof parseArgv<{ options: Config; tokens: true; allowPositionals: true; strict: false }>>["tokens"][number];

export function parseArgs(argv: readonly string[], spec: ArgSpec): ArgsResult {
  const options: Config = {};
  for (const name of spec.flags ?? []) options[name] = { type: "boolean" };
  for (const name of spec.options ?? []) options[name] = { type: "string" };
  const args = [...argv];
  let tokens: Token[];
  try {
    tokens = parseArgv({ args, options, strict: true, allowPositionals: true, tokens: true }).tokens;
  } catch (e) {
    // node:util names the problem in English prose only: find the token it refused, to say which.
    const lenient = parseArgv({ args, options, strict: false, allowPositionals: true, tokens: true }).tokens;
    for (const t of lenient) {
      if (t.kind !== "option") continue;
      const refusal = refusalOf(t, options);
      if (refusal) return { ok: false, error: bilingual(ARG_TEXTS, refusal, { option: t.rawName }) };
    }
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  const positionals: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (const t of tokens) {
    if (t.kind === "positional") positionals.push(t.value);
    if (t.kind !== "option") continue;
    if (options[t.name]?.type === "boolean") flags.add(t.name);
    else if (values.has(t.name)) return { ok: false, error: bilingual(ARG_TEXTS, "twice", { option: t.rawName }) };
    else if (!t.value) return { ok: false, error: bilingual(ARG_TEXTS, "needsValue", { option: t.rawName }) };
    else values.set(t.name, t.value);
  }
  return { ok: true, value: { positionals, flags, options: values } };
}

/** What strict parsing refuses in an option token, as the lenient parse saw it. */
function refusalOf(t: Token & { kind: "option" }, options: Config): Refusal | null {
  const type = Object.hasOwn(options, t.name) ? options[t.name]!.type : null;
  if (type === null) return "unknown";
  if (type === "boolean") return t.value === undefined ? null : "noValue";
  if (t.value === undefined) return "needsValue";
  // A value taken from the next argument that looks like an option: strict parsing calls it ambiguous.
  if (!t.inlineValue && t.value.length > 1 && t.value.startsWith("-")) return t.value.startsWith("--") ? "needsValue" : "dashValue";
  return null;
}
