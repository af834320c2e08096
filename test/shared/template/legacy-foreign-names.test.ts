import { describe, expect, it } from "vitest";
import type { SheetInput } from "../../../shared/template/input.ts";
import { parseWorkbook } from "../../../shared/template/parse.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { setCell, workbook } from "../helpers/grid.ts";
import { allIssues, brief } from "../helpers/issues.ts";

const parse = (sheets: SheetInput[]) => parseWorkbook(sheets, DEFAULT_REFERENCE);

/** A foreign Latin-1 name (`Zürich`, `Año`) is text, not TCVN3: the parser accepts it (shared/text/legacy-encoding.ts). */
describe("legacy-text detection in the parser: foreign names", () => {
  it("a commune named `Xã Zürich` and a preparer named `Año` are accepted without text.legacy_encoding", () => {
    const sheets = workbook();
    setCell(sheets[1]!, "C6", "Xã Zürich");
    setCell(sheets[0]!, "B6", "Año");
    const r = parse(sheets);
    expect(allIssues(r).filter((i) => i.code === "text.legacy_encoding")).toEqual([]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.preparedBy).toBe("Año");
    expect(r.value.communes.find((c) => c.code === "06148")?.name).toBe("Xã Zürich");
  });

  it("`Hoµng §ång` in the same cell still gets text.legacy_encoding", () => {
    const sheets = workbook();
    setCell(sheets[1]!, "C6", "Hoµng §ång");
    const r = parse(sheets);
    expect(r.ok).toBe(false);
    expect(brief(allIssues(r))).toEqual([
      { code: "text.legacy_encoding", severity: "error", sheet: "Tiêu chí", cell: "C6", row: 6, commune: "06148" },
    ]);
  });
});
