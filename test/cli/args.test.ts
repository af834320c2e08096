import { describe, expect, it } from "vitest";
import { parseArgs } from "../../cli/args.ts";

describe("parseArgs", () => {
  const spec = { flags: ["json"], options: ["out", "year"] };
  const parsed = (argv: string[]) => {
    const r = parseArgs(argv, spec);
    if (!r.ok) throw new Error(r.error);
    return { positionals: r.value.positionals, flags: [...r.value.flags], options: Object.fromEntries(r.value.options) };
  };

  it("reads positionals, flags and options in both forms", () => {
    expect(parsed(["a.xlsx", "--json", "--out", "o.xlsx", "--year=2018", "b.xlsx"])).toEqual({
      positionals: ["a.xlsx", "b.xlsx"],
      flags: ["json"],
      options: { out: "o.xlsx", year: "2018" },
    });
  });
  it("reads nothing as nothing", () => {
    expect(parsed([])).toEqual({ positionals: [], flags: [], options: {} });
  });
  it("treats everything after -- as positionals", () => {
    expect(parsed(["a.xlsx", "--", "--json", "-x", "--out"])).toEqual({
      positionals: ["a.xlsx", "--json", "-x", "--out"],
      flags: [],
      options: {},
    });
  });
  it("takes a lone - as a positional and as a value", () => {
    expect(parsed(["-", "--out", "-"])).toEqual({ positionals: ["-"], flags: [], options: { out: "-" } });
  });
  it("takes a value starting with - in the --name=value form", () => {
    expect(parsed(["--out=-x.xlsx"]).options).toEqual({ out: "-x.xlsx" });
  });
  it("keeps Vietnamese values and values with = as typed", () => {
    expect(parsed(["--out", "Tổng hợp.xlsx", "--year=a=b"]).options).toEqual({ out: "Tổng hợp.xlsx", year: "a=b" });
  });
  it("accepts a flag given twice", () => {
    expect(parsed(["--json", "--json"]).flags).toEqual(["json"]);
  });

  it.each([
    [["--bogus"], "không có tùy chọn --bogus / unknown option --bogus"],
    [["--bogus=1"], "không có tùy chọn --bogus / unknown option --bogus"],
    [["-x"], "không có tùy chọn -x / unknown option -x"],
    [["-jx"], "không có tùy chọn -j / unknown option -j"],
    [["a.xlsx", "--Json"], "không có tùy chọn --Json / unknown option --Json"],
    [["--out"], "--out cần một giá trị / --out needs a value"],
    [["--out", "--json"], "--out cần một giá trị / --out needs a value"],
    [["--out="], "--out cần một giá trị / --out needs a value"],
    [["--out", ""], "--out cần một giá trị / --out needs a value"],
    [
      ["--out", "-x"],
      '--out cần một giá trị (giá trị bắt đầu bằng "-" thì viết --out=-...) / --out needs a value (write --out=-... for a value starting with "-")',
    ],
    [["--json=1"], "--json không nhận giá trị / --json takes no value"],
    [["--json="], "--json không nhận giá trị / --json takes no value"],
    [["--year", "1", "--year", "2"], "--year được ghi hai lần / --year given twice"],
    [["--year=1", "--year=1"], "--year được ghi hai lần / --year given twice"],
  ])("refuses %j", (argv, error) => {
    expect(parseArgs(argv, spec)).toEqual({ ok: false, error });
  });

  it("refuses the first problem, in order", () => {
    expect(parseArgs(["--json=1", "--bogus"], spec)).toEqual({ ok: false, error: "--json không nhận giá trị / --json takes no value" });
  });
  it("knows only the options of the spec", () => {
    expect(parseArgs(["--json"], {})).toEqual({ ok: false, error: "không có tùy chọn --json / unknown option --json" });
    expect(parseArgs(["--out=x"], { flags: ["out"] })).toEqual({ ok: false, error: "--out không nhận giá trị / --out takes no value" });
    expect(parseArgs(["__proto__", "--toString"], spec)).toEqual({
      ok: false,
      error: "không có tùy chọn --toString / unknown option --toString",
    });
  });
});
