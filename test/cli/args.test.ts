import { describe, expect, it } from "vitest";
import { parseArgs } from "../../cli/args.ts";

describe("parseArgs", () => {
  const spec = { flags: ["json"], options: ["out", "year"] };
  it("reads positionals, flags and options in both forms", () => {
    const r = parseArgs(["a.xlsx", "--json", "--out", "o.xlsx", "--year=2018", "b.xlsx"], spec);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.positionals).toEqual(["a.xlsx", "b.xlsx"]);
    expect([...r.value.flags]).toEqual(["json"]);
    expect(Object.fromEntries(r.value.options)).toEqual({ out: "o.xlsx", year: "2018" });
  });
  it("treats everything after -- as positionals", () => {
    const r = parseArgs(["--", "--json"], spec);
    expect(r.ok && r.value.positionals).toEqual(["--json"]);
  });
  it.each([
    [["--bogus"], "unknown option --bogus"],
    [["-x"], "unknown option -x"],
    [["--out"], "--out needs a value"],
    [["--out", "--json"], "--out needs a value"],
    [["--out="], "--out needs a value"],
    [["--json=1"], "--json takes no value"],
    [["--year", "1", "--year", "2"], "--year given twice"],
  ])("refuses %j", (argv, error) => {
    expect(parseArgs(argv, spec)).toEqual({ ok: false, error });
  });
});
