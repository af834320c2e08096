import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { setup2027 } from "../../../cli/demo/setup-2027.ts";
import { readWorkbookBuffer } from "../../../cli/xlsx/read-workbook.ts";
import { writeWorkbookBuffer } from "../../../cli/xlsx/write-workbook.ts";
import { MAX_CRITERIA_ROWS, MAX_OTHER_SHEET_ROWS, MAX_SETUP_LIST_ROWS, MAX_WORKBOOK_FILE_BYTES } from "../../../shared/limits.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { buildSetupWorkbook } from "../../../shared/setup/build-workbook.ts";
import { buildTemplate } from "../../../shared/template/build-template.ts";
import { buildNtm2Template } from "../../../shared/template/build-template-ntm2.ts";
import { readXlsx } from "../../../shared/xlsx/read-xlsx.ts";
import { ROOT, tempDir } from "../../cli/fixtures.ts";
import { handWorkbook, zip } from "./zip-writer.ts";
import { legacyWorkbookBytes as legacyWorkbook } from "../../helpers/legacy-workbook.ts";

/** Both readers on the same bytes: the shared reader must give exactly what the CLI's exceljs reader gives. */
async function same(bytes: Uint8Array, options: { file?: string; fonts?: boolean } = {}) {
  const file = options.file ?? "(buffer)";
  const cli = await readWorkbookBuffer(bytes, file, { fonts: options.fonts });
  const shared = await readXlsx(bytes, options);
  expect(shared).toStrictEqual(cli);
  return shared;
}

async function values(bytes: Uint8Array, fonts = false) {
  const r = await same(bytes, { fonts });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

async function codes(bytes: Uint8Array) {
  const r = await same(bytes);
  return r.ok ? [] : r.issues.map((i) => [i.code, i.sheet, i.messageEn]);
}

const node = path.join(ROOT, "node_modules/.bin/node");
const run = (bin: string, args: string[], cwd = ROOT) =>
  new Promise<void>((resolve, reject) => execFile(bin, args, { cwd, timeout: 240_000 }, (e) => (e ? reject(e) : resolve())));

async function xlsxFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith(".xlsx")) out.push(path.join(e.parentPath, e.name));
  }
  return out.sort();
}

describe("readXlsx gives what the CLI's exceljs reader gives, on every workbook the project writes", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await tempDir();
    await run(node, ["cli/demo-data.ts", "--out", path.join(dir, "2018")]);
    await run(node, ["cli/demo-data.ts", "--year", "2027", "--out", path.join(dir, "2027")]);
  }, 300_000);

  it("the 2018 demo files (plans, targets, results, 2019 plans), with and without fonts", async () => {
    const files = await xlsxFiles(path.join(dir, "2018"));
    expect(files.length).toBeGreaterThanOrEqual(34);
    for (const f of files) {
      const bytes = await readFile(f);
      await same(bytes, { file: f });
      await same(bytes, { file: f, fonts: true });
    }
  }, 120_000);

  it("the 2027 setup workbook and the 61 filled NTM-2 templates", async () => {
    const files = await xlsxFiles(path.join(dir, "2027"));
    expect(files.length).toBe(62);
    for (const f of files) {
      const r = await same(await readFile(f), { file: f, fonts: true });
      expect(r.ok).toBe(true);
    }
  }, 120_000);

  it("the blank templates the builders make (2018, NTM-2 of every unit kind, the setup workbook)", async () => {
    const d = DEFAULT_REFERENCE.districts.find((x) => x.code === "183")!;
    const setup = setup2027();
    const models = [
      buildTemplate({ district: d, year: 2018, criteria: DEFAULT_REFERENCE.criteria, rows: 3 }),
      ...setup.units.slice(0, 3).map((u) => buildNtm2Template(setup, u)),
      buildSetupWorkbook(2027, setup),
      buildSetupWorkbook(2028),
    ];
    for (const m of models) {
      const sheets = await values(await writeWorkbookBuffer(m), true);
      expect(sheets.map((s) => s.name)).toEqual(m.map((s) => s.name));
    }
  });

  it("a demo file saved again by LibreOffice (soffice --convert-to xlsx)", async () => {
    const lo = path.join(dir, "lo");
    await mkdir(path.join(lo, "out"), { recursive: true });
    const source = (await xlsxFiles(path.join(dir, "2018"))).find((f) => f.endsWith("183-huyen-cao-loc-2018.xlsx"))!;
    await writeFile(path.join(lo, "in.xlsx"), await readFile(source));
    await run(
      "soffice",
      [`-env:UserInstallation=file://${lo}/profile`, "--headless", "--convert-to", "xlsx", "--outdir", path.join(lo, "out"), "in.xlsx"],
      lo,
    );
    const bytes = await readFile(path.join(lo, "out", "in.xlsx"));
    expect(bytes).not.toEqual(await readFile(source));
    const sheets = await values(bytes, true);
    expect(sheets.map((s) => s.name)).toEqual(["Thông tin", "Tiêu chí", "Nguồn vốn"]);
    expect(sheets[1]!.values.length).toBeGreaterThan(20);
  }, 240_000);
});

describe("fonts (the TCVN3 / VNI fixtures of ntm convert)", () => {
  it("gives each text cell its font: the first rich-text run naming one, else the cell's; null for numbers", async () => {
    const [crit, info] = await values(await legacyWorkbook(), true);
    expect(crit!.fonts).toEqual([
      [".VnTime", ".VnTime"],
      [".VnTimeH", ".VnTime"],
      ["VNI-Times", null],
      ["Times New Roman", null],
      ["Calibri", null],
      [null, null],
      [".VnTime", null],
    ]);
    expect(crit!.values[6]).toEqual(["PhÊn ®Êu ®¹t chuÈn n«ng th«n míi", ""]);
    expect(info).toStrictEqual({ name: "Thông tin", address: "B3", values: [["Chöa ñaït"]], fonts: [["VNI-Times"]] });
  });

  it("leaves fonts out unless asked", async () => {
    const [crit] = await values(await legacyWorkbook());
    expect(crit!.fonts).toBeUndefined();
  });
});

describe("hand-written parts (what other programs write)", () => {
  it("cells without `r` follow the previous kept cell; an empty unstyled `<c/>` does not count", async () => {
    const b = handWorkbook({
      sheets: [
        {
          name: "S",
          body: `<sheetData><row r="2"><c r="B2"><v>1</v></c><c><v>2</v></c><c s="1"/><c/><c t="inlineStr"><is><t>x</t></is></c></row></sheetData>`,
        },
      ],
    });
    expect(await values(b)).toStrictEqual([{ name: "S", address: "B2:E2", values: [[1, 2, "", "x"]] }]);
  });

  it("a row without `r`, or a row's first cell without `r`: exceljs refuses the file, so does readXlsx", async () => {
    const noRow = handWorkbook({ sheets: [{ name: "S", body: `<sheetData><row><c r="A1"><v>1</v></c></row></sheetData>` }] });
    expect(await codes(noRow)).toEqual([
      [
        "workbook.unreadable",
        null,
        "The Excel file cannot be read (damaged or not .xlsx): Invalid row number in model. Open it in Excel and save it again as .xlsx.",
      ],
    ]);
    const noCell = handWorkbook({ sheets: [{ name: "S", body: `<sheetData><row r="1"><c><v>1</v></c></row></sheetData>` }] });
    expect((await codes(noCell)).map(([c]) => c)).toEqual(["workbook.unreadable"]);
  });

  it("every cell type: shared, inline and rich strings (phonetic runs left out), booleans, errors, str, numbers, formulas and dates", async () => {
    const b = handWorkbook({
      strings:
        '<si><t>a&amp;b &#x1EA0;&#7840; _x000D_ _x000d_</t></si><si><r><rPr><rFont val="Arial"/></rPr><t>Tô</t></r><r><t xml:space="preserve"> kyo</t></r><rPh sb="0" eb="1"><t>トウ</t></rPh><phoneticPr fontId="1"/></si><si><t>p</t><rPh sb="0" eb="1"><t>ピ</t></rPh></si>',
      sheets: [
        {
          name: "T",
          body:
            '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s" s="4"><v>1</v></c><c r="C1" t="s" s="1"><v>2</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c><c r="F1" t="e"><v>#N/A</v></c><c r="G1" t="str"><v>x &amp;amp; y</v></c><c r="H1" t="inlineStr" s="1"><is><t>in &lt;line&gt; _x000D_</t></is></c><c r="I1" t="inlineStr"><is><r><rPr><rFont val="VNI-Times"/></rPr><t>ri_x0041_</t></r><r><t>ch</t></r></is></c><c r="J1" t="n"><v>1.5e3</v></c><c r="K1" t="d"><v>2018-01-15T00:00:00</v></c><c r="L1"><v>x</v></c></row>' +
            '<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2" t="str"><f>"a"</f><v>ab</v></c><c r="C2" t="b"><f>TRUE</f><v>1</v></c><c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E2"><f>A1</f></c><c r="F2"><f t="shared" ref="F2:F4" si="0">A2*2</f><v>4</v></c><c r="G2"><f t="shared" si="0"/><v>6</v></c><c r="H2"><f t="shared" si="0"/></c><c r="I2" s="2"><v>43115.5</v></c><c r="J2" s="3"><v>43115.123456789</v></c><c r="K2" s="2"><f>A1</f><v>43115.3333333333</v></c><c r="L2" s="2" t="e"><f>NA()</f><v>#N/A</v></c><c r="M2" s="2" t="str"><f>"7"</f><v>7</v></c><c r="N2" s="2" t="b"><v>1</v></c></row></sheetData>',
        },
      ],
    });
    expect(await values(b, true)).toStrictEqual([
      {
        name: "T",
        address: "A1:N2",
        values: [
          ["a&b ẠẠ \r _x000d_", "Tô kyo", "p", true, false, "#N/A", "x & y", "in <line> _x000D_", "riAch", 1500, 2018, "", "", ""],
          [2, "ab", true, "#DIV/0!", "", 4, 6, "", 43115.5, 43115.123456794, 43115.333333333, "", 7, true],
        ],
        fonts: [[null, "Arial", "Arial", null, null, null, null, "Arial", "VNI-Times", null, null, null, null, null], Array(14).fill(null)],
      },
    ]);
  });

  it("entities, line ends, CDATA and comments as an XML parser hands them over", async () => {
    const b = handWorkbook({
      sheets: [
        {
          name: "A &amp; B",
          body: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&quot;q&quot; &apos;a&apos; &#65;&#x42; line1&#13;&#10;line2\r\nline3<![CDATA[cd]]>z<!-- c -->w</t></is></c></row></sheetData>',
        },
      ],
    });
    expect(await values(b)).toStrictEqual([{ name: "A & B", address: "A1", values: [["\"q\" 'a' AB line1\r\nline2\nline3zw"]] }]);
  });

  it("merged cells: the anchor keeps its value, the others are empty; formatting beyond the values does not widen the range", async () => {
    const b = handWorkbook({
      sheets: [
        {
          name: "M",
          body: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>anchor</t></is></c><c r="B1"><v>5</v></c></row><row r="2"><c r="A2"><v>6</v></c><c r="C2"><v>7</v></c></row><row r="9"><c r="E9" s="1"/></row><row r="20" s="1" customFormat="1"><c r="Z20" s="1"/></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>',
        },
        {
          name: "N",
          body: '<sheetData><row r="3"><c r="B3"><v>5</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A3:C3"/></mergeCells>',
        },
      ],
    });
    expect(await values(b)).toStrictEqual([
      {
        name: "M",
        address: "A1:C2",
        values: [
          ["anchor", "", ""],
          ["", "", 7],
        ],
      },
      { name: "N", address: "A1", values: [[""]] },
    ]);
  });

  it('empty sheets are A1 [[""]]; chart sheets are left out; hidden sheets kept, in workbook order', async () => {
    const b = handWorkbook({
      sheets: [
        { name: "E", body: "<sheetData/>" },
        { name: "F", body: '<sheetData><row r="4"><c r="C4" s="1"/></row></sheetData>' },
        { name: "H", state: "hidden", body: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' },
      ],
      chartsheet: { name: "Chart", at: 1 },
    });
    expect(await values(b, true)).toStrictEqual([
      { name: "E", address: "A1", values: [[""]], fonts: [[null]] },
      { name: "F", address: "A1", values: [[""]], fonts: [[null]] },
      { name: "H", address: "A1", values: [[1]], fonts: [[null]] },
    ]);
  });

  it("numbers keep their value, in a date format too (1904 system), and a padded number parses", async () => {
    const b = handWorkbook({
      workbookPr: '<workbookPr date1904="1"/>',
      strings: "<si><t/></si>",
      sheets: [
        {
          name: "D",
          body: '<sheetData><row r="1"><c r="A1" s="2"><v>100.25</v></c><c r="B1"><v>  3  </v></c><c r="C1" t="s"><v>0</v></c><c r="D1" t="str"><v></v></c></row></sheetData>',
        },
      ],
    });
    expect(await values(b)).toStrictEqual([{ name: "D", address: "A1:B1", values: [[100.25, 3]] }]);
  });
});

describe("odd parts exceljs reads its own way", () => {
  it("a row number or a cell given twice: the last `<row>` of a number and the last cell of a column win", async () => {
    const b = handWorkbook({
      sheets: [
        {
          name: "S",
          body: '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="A1" s="1"/></row><row r="1"><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c><c r="C1"><v>4</v></c></row></sheetData>',
        },
      ],
    });
    expect(await values(b)).toStrictEqual([{ name: "S", address: "B1:C1", values: [[2, 4]] }]);
  });

  it('a `t="s"` cell gives its index without a shared-strings part, and fails past the end of one', async () => {
    const body = '<sheetData><row r="1"><c r="A1" t="s"><v>5</v></c></row></sheetData>';
    expect(await values(handWorkbook({ sheets: [{ name: "S", body }] }))).toStrictEqual([{ name: "S", address: "A1", values: [[5]] }]);
    expect(await codes(handWorkbook({ strings: "<si><t>a</t></si>", sheets: [{ name: "S", body }] }))).toEqual([
      [
        "workbook.unreadable",
        null,
        "The Excel file cannot be read (damaged or not .xlsx): Cannot read properties of undefined (reading 'richText'). Open it in Excel and save it again as .xlsx.",
      ],
    ]);
  });
});

describe("files that cannot be read: the same issue from both readers", () => {
  it("an OLE file (.xls, or an encrypted .xlsx) → workbook.legacy_format", async () => {
    expect(await codes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))).toEqual([
      [
        "workbook.legacy_format",
        null,
        "The file is an old Excel workbook (.xls) or password-protected. Open it in Excel, remove any password, and save it as an Excel Workbook (.xlsx).",
      ],
    ]);
  });

  it("random bytes and text → workbook.not_xlsx", async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    expect((await codes(random)).map(([c]) => c)).toEqual(["workbook.not_xlsx"]);
    expect((await codes(new TextEncoder().encode("Mã xã,Tên xã\n06148,Xã A\n"))).map(([c]) => c)).toEqual(["workbook.not_xlsx"]);
  });

  it("an OpenDocument spreadsheet → workbook.ods, telling how to save it as .xlsx", async () => {
    const ods = zip([
      { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", store: true },
      { name: "content.xml", data: "<office:document-content/>" },
    ]);
    const r = await same(ods);
    expect(r.ok ? null : r.issues).toEqual([
      {
        code: "workbook.ods",
        severity: "error",
        sheet: null,
        cell: null,
        row: null,
        commune: null,
        message:
          "Tệp là bảng tính OpenDocument (.ods). Hãy mở tệp trong LibreOffice hoặc WPS, chọn Tệp → Lưu thành (Save As), kiểu tệp Excel 2007-365 (.xlsx), rồi chọn lại tệp .xlsx đó.",
        messageEn:
          "The file is an OpenDocument spreadsheet (.ods). Open it in LibreOffice or WPS, choose File → Save As, file type Excel 2007-365 (.xlsx), then choose that .xlsx file again.",
      },
    ]);
  });

  it("an .ods written by LibreOffice → workbook.ods", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "a.xlsx"), await legacyWorkbook());
    await run("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "ods", "a.xlsx"], dir);
    expect((await codes(await readFile(path.join(dir, "a.ods")))).map(([c]) => c)).toEqual(["workbook.ods"]);
  }, 240_000);

  it("over MAX_WORKBOOK_FILE_BYTES → workbook.too_large with the file name; at the limit it is read", async () => {
    const big = (n: number) => zip([{ name: "xl/media/image1.bin", data: new Uint8Array(n), store: true }]);
    const over = big(MAX_WORKBOOK_FILE_BYTES);
    expect(over.byteLength).toBeGreaterThan(MAX_WORKBOOK_FILE_BYTES);
    const r = await same(over, { file: "huyen.xlsx" });
    expect(r.ok ? null : r.issues.map((i) => [i.code, i.messageEn])).toEqual([
      [
        "workbook.too_large",
        "The file huyen.xlsx is 20.0 MB, over the 20 MB limit of a template. Delete extra sheets, pictures and rows, then save it again.",
      ],
    ]);
    const under = big(MAX_WORKBOOK_FILE_BYTES - 200);
    expect(under.byteLength).toBeLessThanOrEqual(MAX_WORKBOOK_FILE_BYTES);
    expect((await codes(under)).map(([c]) => c)).toEqual(["workbook.unreadable"]); // no workbook.xml inside
  });

  it("a truncated zip → workbook.unreadable", async () => {
    const whole = await writeWorkbookBuffer(
      buildTemplate({ district: DEFAULT_REFERENCE.districts[0]!, year: 2018, criteria: DEFAULT_REFERENCE.criteria, rows: 3 }),
    );
    expect(await codes(whole.subarray(0, Math.floor(whole.length / 2)))).toEqual([
      [
        "workbook.unreadable",
        null,
        "The Excel file cannot be read (damaged or not .xlsx): zip central directory / workbook.xml. Open it in Excel and save it again as .xlsx.",
      ],
    ]);
  });

  it("a workbook without worksheets → workbook.no_sheets", async () => {
    const b = handWorkbook({ sheets: [], chartsheet: { name: "Chart", at: 0 } });
    expect((await codes(b)).map(([c]) => c)).toEqual(["workbook.no_sheets"]);
  });
});

/** A workbook with one sheet per [name, [cell address, value] pairs] (as test/cli/size-limits.test.ts). */
async function workbook(sheets: Record<string, [string, ExcelJS.CellValue][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, cells] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const [a, v] of cells) ws.getCell(a).value = v;
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("the size guards (fixtures of test/cli/size-limits.test.ts and setup-row-limits.test.ts): identical issues", () => {
  it("`Tiêu chí`: row 12,000 passes, 12,001 is refused naming the sheet and the limit", async () => {
    expect(
      await codes(
        await workbook({
          "Tiêu chí": [
            ["A1", "x"],
            [`B${MAX_CRITERIA_ROWS}`, 1],
          ],
        }),
      ),
    ).toEqual([]);
    expect(
      await codes(
        await workbook({
          "Tiêu chí": [
            ["A1", "x"],
            [`B${MAX_CRITERIA_ROWS + 1}`, 1],
          ],
        }),
      ),
    ).toEqual([
      [
        "sheet.too_many_rows",
        "Tiêu chí",
        'Sheet "Tiêu chí" has cells (data or formatting) at row 12001, past its limit of 12000 rows. Delete the extra rows (Delete rows, not just their contents), then save again.',
      ],
    ]);
  });

  it("formatting alone counts; other sheets hold 1,000 rows", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Nguồn vốn").getCell(`C${MAX_OTHER_SHEET_ROWS + 1}`).style = { font: { bold: true } };
    const styled = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect((await codes(styled)).map(([c, s]) => [c, s])).toEqual([["sheet.too_many_rows", "Nguồn vốn"]]);
    expect(await codes(await workbook({ "Nguồn vốn": [[`A${MAX_OTHER_SHEET_ROWS}`, 1]], "Ghi chú": [["A1000", 1]] }))).toEqual([]);
    expect((await codes(await workbook({ "Tiêu chí": [["A5000", 1]], "Ghi chú": [["A1001", 1]] }))).map(([c, s]) => [c, s])).toEqual([
      ["sheet.too_many_rows", "Ghi chú"],
    ]);
  });

  it("all sheets together: 2,000,000 cells pass, more are refused with the range", async () => {
    expect(await codes(await workbook({ "Tiêu chí": [["XFD122", 1]] }))).toEqual([]);
    expect(await codes(await workbook({ "Tiêu chí": [["XFD100", 1]], "Ghi chú": [["XFD23", 1]] }))).toEqual([
      [
        "workbook.too_many_cells",
        "Ghi chú",
        'The sheets are too large: up to sheet "Ghi chú" (range A1:XFD23) they span more than 2000000 cells. Delete extra rows, columns and sheets, then save again.',
      ],
    ]);
  });

  it("the setup workbook's `Xã` and `Đơn vị` hold 12,000 rows, `Năm` 1,000", async () => {
    expect(await codes(await workbook({ Năm: [["A1", "x"]], Xã: [[`A${MAX_SETUP_LIST_ROWS}`, "10000"]] }))).toEqual([]);
    expect(
      (await codes(await workbook({ Năm: [["A1", "x"]], Xã: [[`A${MAX_SETUP_LIST_ROWS + 1}`, "10000"]] }))).map(([c, s]) => [c, s]),
    ).toEqual([["sheet.too_many_rows", "Xã"]]);
    expect((await codes(await workbook({ "Đơn vị": [[`B${MAX_SETUP_LIST_ROWS + 1}`, "x"]] }))).map(([c, s]) => [c, s])).toEqual([
      ["sheet.too_many_rows", "Đơn vị"],
    ]);
    expect((await codes(await workbook({ Xã: [["A11000", "10000"]], Năm: [["A1001", "x"]] }))).map(([c, s]) => [c, s])).toEqual([
      ["sheet.too_many_rows", "Năm"],
    ]);
  });

  it("a 200,000-row `Tiêu chí` written by exceljs' streaming writer is refused before anything is built", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "big.xlsx");
    const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
    const ws = w.addWorksheet("Tiêu chí");
    for (let r = 1; r <= 200_000; r++) ws.addRow([r, `06${String(r % 1000).padStart(3, "0")}`, `Xã ${r}`, "Đạt"]).commit();
    ws.commit();
    await w.commit();
    expect((await codes(await readFile(file))).map(([c, s]) => [c, s])).toEqual([["sheet.too_many_rows", "Tiêu chí"]]);
  }, 120_000);
});
