/**
 * A tiny argument parser (no dependency): positionals, boolean flags (`--json`) and options with a
 * value (`--out file`, `--out=file`). `--` ends the options. Unknown or incomplete options are an
 * error, never guessed.
 */
export type ArgSpec = { flags?: readonly string[]; options?: readonly string[] };

export type ParsedArgs = {
  positionals: string[];
  flags: Set<string>;
  options: Map<string, string>;
};

export type ArgsResult = { ok: true; value: ParsedArgs } | { ok: false; error: string };

export function parseArgs(argv: readonly string[], spec: ArgSpec): ArgsResult {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positionals: string[] = [];
  const flagNames = new Set(spec.flags ?? []);
  const optionNames = new Set(spec.options ?? []);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") { positionals.push(...argv.slice(i + 1)); break; }
    if (!a.startsWith("--") || a === "-") {
      if (a.startsWith("-") && a !== "-") return { ok: false, error: `unknown option ${a}` };
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = (eq >= 0 ? a.slice(2, eq) : a.slice(2));
    if (flagNames.has(name)) {
      if (eq >= 0) return { ok: false, error: `--${name} takes no value` };
      flags.add(name);
    } else if (optionNames.has(name)) {
      let value: string | undefined;
      if (eq >= 0) value = a.slice(eq + 1);
      else {
        value = argv[i + 1];
        if (value === undefined || value.startsWith("--")) return { ok: false, error: `--${name} needs a value` };
        i++;
      }
      if (value === "") return { ok: false, error: `--${name} needs a value` };
      if (options.has(name)) return { ok: false, error: `--${name} given twice` };
      options.set(name, value);
    } else {
      return { ok: false, error: `unknown option --${name}` };
    }
  }
  return { ok: true, value: { positionals, flags, options } };
}
