import { randomBytes } from "node:crypto";
import { stat } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { readWorkbookBuffer } from "../../cli/xlsx/read-workbook.ts";
import {
  MAX_BODY_BYTES,
  MAX_COMMUNES,
  MAX_CRITERIA_ROWS,
  MAX_OTHER_SHEET_ROWS,
  MAX_WORKBOOK_CELLS,
  MAX_WORKBOOK_FILE_BYTES,
  jsonBodyBytes,
  utf8Length,
} from "../../shared/limits.ts";
import { contractIssues } from "../../shared/rules/contract-issues.ts";
import { submissionSchema } from "../../shared/schemas/submission.ts";
import { WIDE, worstCaseCommune, worstCaseSubmission } from "../helpers/worst-case-submission.ts";
import { CAO_LOC, filledTemplate, runCli, tempDir } from "./fixtures.ts";

const HEADER = { district: "183", districtName: "Huyện Cao Lộc", year: 2030 };

describe("the size contract (shared/limits.ts)", () => {
  it("states the limits", () => {
    expect([MAX_COMMUNES, MAX_BODY_BYTES, MAX_WORKBOOK_FILE_BYTES, MAX_CRITERIA_ROWS, MAX_OTHER_SHEET_ROWS, MAX_WORKBOOK_CELLS]).toEqual([
      10_000, 16_777_216, 20_971_520, 12_000, 1_000, 2_000_000,
    ]);
  });

  it("counts UTF-8 bytes as TextEncoder does", () => {
    for (const s of ["", "abc", "Tiêu chí", WIDE.repeat(7), "😀x", "\ud800"]) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).byteLength);
    }
  });

  it("worst-case commune: 1,172 bytes; MAX_COMMUNES of them plus the largest envelope fit under MAX_BODY_BYTES with 30 % to spare", () => {
    const worst = jsonBodyBytes(worstCaseCommune(0));
    expect(worst).toBe(1172);
    // The envelope at the schema's maxima: 200-letter district and preparer names, a 50-letter
    // phone, 16-digit amounts, 99 criteria columns of 3 letters.
    const envelope = jsonBodyBytes({
      ...worstCaseSubmission(HEADER, 0),
      districtName: WIDE.repeat(200),
      capital: Object.fromEntries(Object.keys(worstCaseSubmission(HEADER, 0).capital).map((k) => [k, Number.MAX_SAFE_INTEGER])),
      source: {
        criteriaSheet: WIDE.repeat(100),
        columns: {
          ...worstCaseSubmission(HEADER, 0).source!.columns,
          criteria: Array.from({ length: 99 }, () => ({ baseline: "ZZZ", plan: "ZZZ" })),
        },
      },
    });
    expect(envelope).toBeLessThan(8 * 1024);
    const bound = MAX_COMMUNES * (worst + 1) + envelope; // + 1: the comma between communes
    expect(bound).toBeLessThanOrEqual(MAX_BODY_BYTES * 0.7);

    const sub = worstCaseSubmission(HEADER);
    expect(submissionSchema.safeParse(sub).success).toBe(true);
    const bytes = new TextEncoder().encode(JSON.stringify(sub)).byteLength;
    expect(bytes).toBe(jsonBodyBytes(sub));
    expect(bytes).toBe(11_732_075);
    expect(bytes).toBeLessThanOrEqual(bound);
    // The refusals (too many communes, schema, 413): test/shared/rules/contract-issues.test.ts.
    expect(contractIssues(sub)).toEqual([]);
  });
});

/** A workbook with one sheet per [name, [cell address, value] pairs]. */
async function workbook(sheets: Record<string, [string, ExcelJS.CellValue][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, cells] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const [a, v] of cells) ws.getCell(a).value = v;
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function codes(buf: Buffer): Promise<string[]> {
  const r = await readWorkbookBuffer(buf);
  return r.ok ? [] : r.issues.map((i) => i.code);
}

describe("sheet size guard (before exceljs loads the workbook)", () => {
  it("`Tiêu chí`: a cell on row 12,000 passes, on row 12,001 is refused naming the sheet and the limit", async () => {
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
    const r = await readWorkbookBuffer(
      await workbook({
        "Tiêu chí": [
          ["A1", "x"],
          [`B${MAX_CRITERIA_ROWS + 1}`, 1],
        ],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      expect.objectContaining({
        code: "sheet.too_many_rows",
        severity: "error",
        sheet: "Tiêu chí",
        message:
          'Trang tính "Tiêu chí" có ô (dữ liệu hoặc định dạng) ở dòng 12001, quá giới hạn 12000 dòng của trang này. Hãy xoá các dòng thừa (Xoá hàng, không chỉ xoá nội dung) rồi lưu lại.',
        messageEn:
          'Sheet "Tiêu chí" has cells (data or formatting) at row 12001, past its limit of 12000 rows. Delete the extra rows (Delete rows, not just their contents), then save again.',
      }),
    ]);
  });

  it("formatting alone counts: a styled empty cell past the limit is refused", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Nguồn vốn").getCell(`C${MAX_OTHER_SHEET_ROWS + 1}`).style = { font: { bold: true } };
    expect(await codes(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer))).toEqual(["sheet.too_many_rows"]);
  });

  it("every other sheet: 1,000 rows pass, 1,001 are refused", async () => {
    expect(await codes(await workbook({ "Nguồn vốn": [[`A${MAX_OTHER_SHEET_ROWS}`, 1]], "Ghi chú": [["A1000", 1]] }))).toEqual([]);
    expect(await codes(await workbook({ "Tiêu chí": [["A5000", 1]], "Ghi chú": [["A1001", 1]] }))).toEqual(["sheet.too_many_rows"]);
  });

  it("all sheets together: 2,000,000 cells (rows × columns) pass, more are refused with the range", async () => {
    // XFD = column 16,384; 16,384 × 122 = 1,998,848.
    expect(await codes(await workbook({ "Tiêu chí": [["XFD122", 1]] }))).toEqual([]);
    const r = await readWorkbookBuffer(await workbook({ "Tiêu chí": [["XFD100", 1]], "Ghi chú": [["XFD23", 1]] }));
    expect(r.ok ? null : r.issues.map((i) => [i.code, i.sheet, i.message])).toEqual([
      [
        "workbook.too_many_cells",
        "Ghi chú",
        'Các trang tính quá lớn: tính đến trang "Ghi chú" (vùng A1:XFD23) đã quá 2000000 ô. Hãy xoá các dòng, cột và trang tính thừa rồi lưu lại.',
      ],
    ]);
  });
});

describe("ntm validate on files too large to load", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await tempDir();
  });

  it("a 25 MB .xlsx (a real template with an uncompressible picture) is refused from its size: exit 1", async () => {
    const base = await filledTemplate(dir, "183", CAO_LOC, "base.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(base);
    const image = wb.addImage({ buffer: randomBytes(25 * 1024 * 1024) as never, extension: "png" });
    wb.getWorksheet("Thông tin")!.addImage(image, "D2:E4");
    const file = path.join(dir, "with-picture.xlsx");
    await wb.xlsx.writeFile(file);
    const size = (await stat(file)).size;
    expect(size).toBeGreaterThan(MAX_WORKBOOK_FILE_BYTES);
    const r = await runCli(["validate", file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `${file}: [E] Tệp ${file} nặng 25.0 MB, quá giới hạn 20 MB của một biểu mẫu. Hãy xoá các trang tính, hình ảnh và dòng thừa rồi lưu lại.\n`,
    );
    expect(r.stderr).toContain(`${file}: không hợp lệ — 1 lỗi`);
  });

  it("a 200,000-row `Tiêu chí` (exceljs streaming writer) is refused before loading, with a 256 MB heap: exit 1, no crash", async () => {
    const file = path.join(dir, "rows-200k.xlsx");
    const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
    const ws = w.addWorksheet("Tiêu chí");
    for (let r = 1; r <= 200_000; r++) ws.addRow([r, `06${String(r % 1000).padStart(3, "0")}`, `Xã ${r}`, "Đạt", "Đạt"]).commit();
    ws.commit();
    await w.commit();
    const r = await runCli(["validate", "--json", file], { NODE_OPTIONS: "--max-old-space-size=256" });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        file,
        ok: false,
        district: null,
        year: null,
        issues: [
          expect.objectContaining({ code: "sheet.too_many_rows", sheet: "Tiêu chí", message: expect.stringContaining("dòng 12001") }),
        ],
      },
    ]);
  });

  it("submit refuses the same file before sending anything: exit 1", async () => {
    const file = path.join(dir, "rows-200k.xlsx");
    const r = await runCli(["submit", file], { NTM_SERVER: "http://127.0.0.1:9", NTM_TOKEN: "t" });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}: Tiêu chí: [E] Trang tính "Tiêu chí" có ô`);
    expect(r.stderr).toContain("Nothing was sent.");
  });

  it("a missing file still says not found (the size check comes first)", async () => {
    const missing = path.join(dir, "missing.xlsx");
    const r = await runCli(["validate", missing]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Không tìm thấy tệp");
  });
});
