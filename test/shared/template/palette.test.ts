import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { PALETTE, argb } from "../../../shared/template/palette.ts";
import type { CellLook } from "../../../shared/template/palette.ts";
import type { CellStyle, SheetModel } from "../../../shared/template/sheet-model.ts";
import { writeWorkbookBuffer } from "../../../cli/xlsx/write-workbook.ts";
import { ExcelWorkbook } from "../../../addin/excel/excel-workbook.ts";
import { FakeExcel } from "../../fakes/excel/host.ts";

/**
 * One palette, two writers: the .xlsx writer (exceljs) and the Excel adapter (Office.js, on the
 * fake host) must give every named style the same font, fill, borders and alignment.
 */
type Edge = { style: "thin" | "medium"; color: string } | null;
type Seen = {
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
  fill: string | null;
  top: Edge;
  left: Edge;
  wrap: boolean;
  center: boolean;
};

const STYLES = Object.keys(PALETTE) as CellStyle[];

/** One cell per style (A1…A7), then A8 styled `input` and then `total`: the later style wins entirely. */
function model(): SheetModel {
  return {
    name: "Bảng màu",
    cells: [...STYLES.map((s) => [s]), ["input, then total"]],
    merges: [],
    columnWidths: [],
    rowHeights: [],
    numberFormats: [],
    validations: [],
    decimalValidations: [],
    styles: [
      ...STYLES.map((style, i) => ({ range: `A${i + 1}`, style })),
      { range: "A8", style: "input" },
      { range: "A8", style: "total" },
    ],
    freeze: null,
    protection: null,
    print: null,
  };
}

function expected(look: CellLook): Seen {
  const grid: Edge = look.grid === null ? null : { style: "thin", color: look.grid };
  return {
    ...look.font,
    fill: look.fill,
    top: look.topRule === null ? grid : { style: "medium", color: look.topRule },
    left: grid,
    wrap: look.wrap,
    center: look.center,
  };
}

const hex = (argbColour: string | undefined) => (argbColour ? `#${argbColour.slice(2)}` : null);

async function fromXlsx(): Promise<Seen[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeWorkbookBuffer([model()])) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Bảng màu")!;
  return Array.from({ length: STYLES.length + 1 }, (_, i) => {
    const c = ws.getCell(`A${i + 1}`);
    const fill = c.fill as ExcelJS.FillPattern | undefined;
    const edge = (b: Partial<ExcelJS.Border> | undefined): Edge =>
      b?.style ? { style: b.style as "thin" | "medium", color: hex(b.color?.argb)! } : null;
    return {
      bold: c.font?.bold ?? false,
      italic: c.font?.italic ?? false,
      size: c.font?.size ?? 11,
      color: hex(c.font?.color?.argb) ?? "",
      fill: fill?.pattern === "solid" ? hex(fill.fgColor?.argb) : null,
      top: edge(c.border?.top),
      left: edge(c.border?.left),
      wrap: c.alignment?.wrapText ?? false,
      center: c.alignment?.horizontal === "center" && c.alignment?.vertical === "middle",
    };
  });
}

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

async function fromAddin(): Promise<Seen[]> {
  const fake = new FakeExcel({ apiVersion: 13 });
  uninstall = fake.install();
  await new ExcelWorkbook().createTemplate([model()]);
  const s = fake.sheet("Bảng màu");
  return Array.from({ length: STYLES.length + 1 }, (_, i) => {
    const cell = `A${i + 1}`;
    const f = s.formatAt(cell);
    const edge = (name: string): Edge =>
      f[`borders/${name}/style`] === "Continuous"
        ? { style: String(f[`borders/${name}/weight`]).toLowerCase() as "thin" | "medium", color: String(f[`borders/${name}/color`]) }
        : null;
    return {
      bold: f["font/bold"] as boolean,
      italic: f["font/italic"] as boolean,
      size: f["font/size"] as number,
      color: f["font/color"] as string,
      fill: s.fill(cell),
      top: edge("EdgeTop"),
      left: edge("EdgeLeft"),
      wrap: f.wrapText as boolean,
      center: f.horizontalAlignment === "Center" && f.verticalAlignment === "Center",
    };
  });
}

describe("the cell palette", () => {
  it("gives every style explicit #RRGGBB colours; exceljs gets them as FFRRGGBB", () => {
    for (const look of Object.values(PALETTE)) {
      for (const c of [look.font.color, look.fill, look.grid, look.topRule]) if (c !== null) expect(c).toMatch(/^#[0-9A-F]{6}$/);
    }
    expect(argb("#1b5e20")).toBe("FF1B5E20");
  });

  it("both writers draw every style alike, the later of two styles winning entirely", async () => {
    const want = [...STYLES.map((s) => expected(PALETTE[s])), expected(PALETTE.total)];
    const xlsx = await fromXlsx();
    const addin = await fromAddin();
    STYLES.forEach((style, i) => {
      expect(xlsx[i], `xlsx ${style}`).toEqual(want[i]);
      expect(addin[i], `add-in ${style}`).toEqual(want[i]);
    });
    expect(xlsx[STYLES.length]).toEqual(want[STYLES.length]);
    expect(addin[STYLES.length]).toEqual(want[STYLES.length]);
  });

  it("tells the styles apart: a header is not an input cell", () => {
    expect(expected(PALETTE.header)).not.toEqual(expected(PALETTE.input));
    expect(PALETTE.input.fill).not.toBe(PALETTE.computed.fill);
  });
});
