import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** The district guide explains every message a user can see: each catalogue code has its row. */
const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

/** Issue codes defined in a catalogue source: its `"area.name": {` keys. */
function catalogueCodes(source: string): string[] {
  return [...new Set([...source.matchAll(/^\s*"([a-z]+\.[a-z_]+)":\s*\{/gm)].map((m) => m[1]!))];
}

/** Codes of `codes` that `guide` never names as `` `code` ``. */
function unexplained(codes: readonly string[], guide: string): string[] {
  return codes.filter((c) => !guide.includes("`" + c + "`"));
}

describe("docs/huong-dan-don-vi.md explains every message", () => {
  it("finds catalogue keys and reports a code the guide does not name", () => {
    const source = `export const MESSAGES = {\n  "sheet.missing": {\n    severity: "error",\n  },\n  "plan.new_only": { severity: "error" },\n};`;
    expect(catalogueCodes(source)).toEqual(["sheet.missing", "plan.new_only"]);
    expect(unexplained(["sheet.missing", "plan.new_only"], "| `sheet.missing` | L | … |")).toEqual(["plan.new_only"]);
  });

  it("every template issue code of shared/template/messages.ts", () => {
    const codes = catalogueCodes(read("shared/template/messages.ts"));
    expect(codes.length).toBeGreaterThanOrEqual(45);
    expect(codes).toContain("commune.owned_elsewhere");
    expect(unexplained(codes, read("docs/huong-dan-don-vi.md"))).toEqual([]);
  });

  it("every code the readers give a workbook they cannot read (shared/xlsx/read-texts.ts)", () => {
    // `workbook.open_failed` is an internal key: it reaches the user as `workbook.unreadable`.
    const codes = catalogueCodes(read("shared/xlsx/read-texts.ts")).filter((c) => c !== "workbook.open_failed");
    expect(codes).toEqual(expect.arrayContaining(["workbook.too_large", "sheet.too_many_rows", "workbook.too_many_cells"]));
    expect(unexplained(codes, read("docs/huong-dan-don-vi.md"))).toEqual([]);
  });

  it("the consolidation codes and the server's error codes", () => {
    const consolidation = [...read("shared/report/consolidate.ts").matchAll(/"(consolidate\.[a-z_]+)"/g)].map((m) => m[1]!);
    const server = [...read("worker/http/errors.ts").matchAll(/HttpError\(\s*\d{3},\s*"([a-z_.]+)"/g)].map((m) => m[1]!);
    expect(consolidation.length).toBeGreaterThanOrEqual(4);
    expect(server).toEqual(expect.arrayContaining(["auth.required", "submission.conflict", "internal"]));
    expect(unexplained([...consolidation, ...server], read("docs/huong-dan-don-vi.md"))).toEqual([]);
  });
});

describe("docs/huong-dan-van-phong.md explains every message of the setup workbook", () => {
  it("finds the setup codes and reports one the office guide does not name", () => {
    const source = `const MESSAGES = {\n  "setup.units_none": {\n    severity: "error",\n  },\n  "setup.bands_gap": { severity: "error" },\n};`;
    expect(catalogueCodes(source)).toEqual(["setup.units_none", "setup.bands_gap"]);
    expect(unexplained(["setup.units_none", "setup.bands_gap"], "| `setup.units_none` | L | … |")).toEqual(["setup.bands_gap"]);
  });

  it("every setup issue code of shared/setup/messages.ts, in the office's guide (not the units')", () => {
    const codes = catalogueCodes(read("shared/setup/messages.ts"));
    expect(codes.length).toBeGreaterThanOrEqual(50);
    expect(codes).toEqual(expect.arrayContaining(["setup.shape_invalid", "setup.unit_not_one_commune", "setup.capital_label_missing"]));
    expect(codes.every((c) => c.startsWith("setup."))).toBe(true);
    expect(unexplained(codes, read("docs/huong-dan-van-phong.md"))).toEqual([]);
  });
});

describe("docs/huong-dan-van-phong.md explains every message of the targets workbook", () => {
  it("every targets issue code of shared/targets/messages.ts, and the server's targets.invalid", () => {
    const codes = catalogueCodes(read("shared/targets/messages.ts"));
    expect(codes).toEqual(expect.arrayContaining(["targets.key_unknown", "targets.count_invalid", "targets.unit_unknown"]));
    expect(codes.every((c) => c.startsWith("targets."))).toBe(true);
    const server = [...read("worker/http/errors.ts").matchAll(/HttpError\(\s*\d{3},\s*"([a-z_.]+)"/g)]
      .map((m) => m[1]!)
      .filter((c) => c.startsWith("targets."));
    expect(server).toEqual(["targets.invalid"]);
    expect(unexplained([...codes, ...server], read("docs/huong-dan-van-phong.md"))).toEqual([]);
  });
});
