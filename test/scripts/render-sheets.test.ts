import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Rendered } from "../../scripts/render-sheets.ts";
import { PNG_DPI, overlappingWords, pdfWords, render, writeWorkbooks } from "../../scripts/render-sheets.ts";
import { writeWorkbookFile } from "../../cli/xlsx/write-workbook.ts";
import { buildTemplate } from "../../shared/template/build-template.ts";
import { DEFAULT_REFERENCE } from "../../shared/reference/index.ts";
import { heightForLines, wrappedLines } from "../../shared/template/row-height.ts";
import { parseRange } from "../../shared/template/a1.ts";

/**
 * What a person sees: the generated workbooks opened in LibreOffice (headless), printed to PDF and
 * to PNG pages kept in test-artifacts/renders/ (git-ignored) for a look. No word may be drawn over
 * another (a header label running over the row below); the same template without its row heights,
 * rendered beside them, shows that this check sees exactly that.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const OUT = path.join(ROOT, "test-artifacts", "renders");
const CONTROL = "ntm1-template-without-heights";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let rendered: Rendered[] = [];
const byName = (name: string) => rendered.find((r) => r.name === name)!;

/** Width and height in pixels (the PNG's IHDR). */
function pngSize(file: string): { width: number; height: number; signature: boolean; bytes: number } {
  const data = readFileSync(file);
  return {
    width: data.readUInt32BE(16),
    height: data.readUInt32BE(20),
    signature: data.subarray(0, 8).equals(PNG_SIGNATURE),
    bytes: data.length,
  };
}

/** `portrait`/`landscape` of each page, in order. */
function orientations(r: Rendered): string[] {
  return r.pngs.map((p) => {
    const { width, height } = pngSize(p);
    return width > height ? "landscape" : "portrait";
  });
}

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  const books = await writeWorkbooks(OUT);
  const sheets = buildTemplate({ district: { code: "178", name: "Thành phố Lạng Sơn" }, year: 2018, criteria: DEFAULT_REFERENCE.criteria });
  const control = path.join(OUT, `${CONTROL}.xlsx`);
  await writeWorkbookFile(
    sheets.map((s) => ({ ...s, rowHeights: [] })),
    control,
  );
  rendered = render([...books, { name: CONTROL, xlsx: control }], OUT);
}, 300_000);

describe("render:sheets (LibreOffice headless → PDF → PNG)", () => {
  it("renders the NTM-1 template, the `Tổng hợp` of the 2018 demo and an NTM-2 template of 10 criteria", () => {
    expect(rendered.map((r) => r.name)).toEqual(["ntm1-template", "tong-hop-2018", "ntm2-template-2027", CONTROL]);
    expect(rendered.map((r) => path.relative(ROOT, r.pdf))).toEqual([
      "test-artifacts/renders/ntm1-template.pdf",
      "test-artifacts/renders/tong-hop-2018.pdf",
      "test-artifacts/renders/ntm2-template-2027.pdf",
      `test-artifacts/renders/${CONTROL}.pdf`,
    ]);
  });

  it("one page per template sheet (Thông tin, Tiêu chí landscape, Nguồn vốn); Tổng hợp on two landscape pages", () => {
    for (const name of ["ntm1-template", "ntm2-template-2027"]) {
      const template = byName(name);
      expect(template.pages, name).toBe(3);
      expect(orientations(template), name).toEqual(["portrait", "landscape", "portrait"]);
    }
    const report = byName("tong-hop-2018");
    expect(report.pages).toBe(2);
    expect(orientations(report)).toEqual(["landscape", "landscape"]);
  });

  it("every page is a real PNG of its page, not an empty picture", () => {
    for (const r of rendered) {
      expect(r.pngs.map((p) => path.basename(p))).toEqual(Array.from({ length: r.pages }, (_, i) => `${r.name}-${i + 1}.png`));
      for (const p of r.pngs) {
        const png = pngSize(p);
        expect(png.signature, p).toBe(true);
        expect(png.bytes, p).toBeGreaterThan(10_000);
        // An A4 or Letter page at 60 dpi: 8.3-8.5 by 11-11.7 inches.
        expect(Math.min(png.width, png.height), p).toBeGreaterThanOrEqual(Math.floor(8.2 * PNG_DPI));
        expect(Math.max(png.width, png.height), p).toBeLessThanOrEqual(Math.ceil(11.8 * PNG_DPI));
      }
    }
    // Tiêu chí and Tổng hợp are set up for A4 landscape: 11.69 × 8.27 inches.
    expect(pngSize(byName("ntm1-template").pngs[1]!)).toMatchObject({ width: 702, height: 497 });
    expect(pngSize(byName("tong-hop-2018").pngs[0]!)).toMatchObject({ width: 702, height: 497 });
    expect(pngSize(byName("ntm2-template-2027").pngs[1]!)).toMatchObject({ width: 702, height: 497 });
  });

  it("no word is drawn over another: every header label stays in its own rows", () => {
    for (const name of ["ntm1-template", "tong-hop-2018", "ntm2-template-2027"]) {
      const words = pdfWords(byName(name).pdf);
      expect(words.length, name).toBeGreaterThan(300);
      expect(
        overlappingWords(words).map(([a, b]) => `${a.page}: ${a.text} / ${b.text}`),
        name,
      ).toEqual([]);
    }
    // The criteria pages: HT under each criterion and the count (19 + 1, 10 + 1).
    const ntm1 = pdfWords(byName("ntm1-template").pdf).filter((w) => w.page === 2);
    expect(ntm1.filter((w) => w.text === "HT")).toHaveLength(20);
    expect(ntm1.some((w) => w.text === "TC19")).toBe(true);
    const ntm2 = pdfWords(byName("ntm2-template-2027").pdf).filter((w) => w.page === 2);
    expect(ntm2.filter((w) => w.text === "HT")).toHaveLength(11);
    expect(ntm2.some((w) => w.text === "TC10")).toBe(true);
    expect(ntm2.some((w) => w.text === "TC11")).toBe(false);
  });

  it("the written `Tổng hợp`: title row 18.75 pt, each table's header row as tall as its most wrapped label", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(byName("tong-hop-2018").xlsx);
    const ws = wb.getWorksheet("Tổng hợp")!;
    const expected = new Map<number, number>([[1, 18.75]]);
    for (const t of ws.getTables() as unknown as { table: { tableRef: string } }[]) {
      const { r1, c1, c2 } = parseRange(t.table.tableRef)!;
      let lines = 1;
      for (let c = c1; c <= c2; c++) lines = Math.max(lines, wrappedLines(String(ws.getCell(r1, c).value), ws.getColumn(c).width ?? 8.43));
      expected.set(r1, heightForLines(lines));
    }
    const written = new Map<number, number>();
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.height !== undefined) written.set(n, row.height);
    });
    expect(expected.size).toBe(8);
    expect(written).toEqual(expected);
    expect(Math.max(...written.values())).toBe(45);
  });

  it("without the row heights the criterion labels run over the HT/KH row (what the check catches)", () => {
    const pairs = overlappingWords(pdfWords(byName(CONTROL).pdf));
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.every(([a]) => a.page === 2)).toBe(true);
    expect(pairs.some(([a, b]) => ["HT", "KH"].includes(a.text) || ["HT", "KH"].includes(b.text))).toBe(true);
  });
});
