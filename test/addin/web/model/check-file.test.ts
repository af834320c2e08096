import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyConversion, checkFile, checkSheets, fileSizeIssue } from "../../../../addin/web/model/check-file.ts";
import { writeDemoFiles } from "../../../../cli/demo-data.ts";
import { loadWorkbook } from "../../../../cli/load-workbook.ts";
import { MAX_COMMUNES, MAX_WORKBOOK_FILE_BYTES } from "../../../../shared/limits.ts";
import { DEFAULT_REFERENCE } from "../../../../shared/reference/index.ts";
import type { SheetInput } from "../../../../shared/template/input.ts";
import { fillCommune, workbook } from "../../../shared/helpers/grid.ts";
import { zip } from "../../../shared/xlsx/zip-writer.ts";

const NTM1 = { kind: "ntm1" } as const;
let tmp = "";
let demo183 = "";

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-check-file-"));
  demo183 = (await writeDemoFiles(tmp)).find((d) => d.district === "183")!.file;
}, 60_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("checkFile: a chosen file read and checked in the browser as the CLI checks it", () => {
  it("a good demo file: the CLI's submission as the NTM-1 body, the CLI's warnings, nothing to convert", async () => {
    const cli = await loadWorkbook(demo183);
    const check = await checkFile(fs.readFileSync(demo183), "183.xlsx", NTM1, DEFAULT_REFERENCE);
    expect(check.kind).toBe("checked");
    if (check.kind !== "checked") return;
    expect(check.body).toEqual({ version: "NTM-1", submission: cli.submission });
    expect(check.issues).toEqual(cli.issues);
    expect(check.legacy).toEqual([]);
  });

  it("an .ods, an .xls and a text file are refused with the reader's messages", async () => {
    const ods = zip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", store: true }]);
    const codes = async (bytes: Uint8Array) => {
      const c = await checkFile(bytes, "x", NTM1, DEFAULT_REFERENCE);
      return c.kind === "refused" ? c.issues.map((i) => i.code) : [];
    };
    expect(await codes(ods)).toEqual(["workbook.ods"]);
    expect(await codes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]))).toEqual(["workbook.legacy_format"]);
    expect(await codes(new TextEncoder().encode("Mã xã;Tên xã\n"))).toEqual(["workbook.not_xlsx"]);
  });
});

describe("fileSizeIssue: the CLI's limit and message, before the bytes are read", () => {
  it("accepts a file of exactly the limit and refuses one byte more", () => {
    expect(fileSizeIssue("a.xlsx", MAX_WORKBOOK_FILE_BYTES)).toBeNull();
    expect(fileSizeIssue("a.xlsx", MAX_WORKBOOK_FILE_BYTES + 1)).toMatchObject({
      code: "workbook.too_large",
      message: "Tệp a.xlsx nặng 20.0 MB, quá giới hạn 20 MB của một biểu mẫu. Hãy xoá các trang tính, hình ảnh và dòng thừa rồi lưu lại.",
    });
  });
});

describe("checkSheets: what the API would refuse is refused before sending", () => {
  it(`a template of ${MAX_COMMUNES + 1} communes: the CLI's message, no body; ${MAX_COMMUNES} pass`, () => {
    const fill = (n: number): SheetInput[] => {
      const sheets = workbook({ rows: n, communes: [] });
      for (let i = 0; i < n; i++) fillCommune(sheets[1]!, i, { code: String(20_000 + i), name: `Xã ${i}`, baseline: [1], plan: [1, 2] });
      return sheets;
    };
    const over = checkSheets(fill(MAX_COMMUNES + 1), NTM1, DEFAULT_REFERENCE);
    expect(over.kind === "checked" && over.body).toBe(null);
    expect(over.kind === "checked" && over.issues.filter((i) => i.severity === "error").map((i) => i.message)).toEqual([
      "Biểu mẫu có 10001 xã, quá giới hạn 10000 xã của một lần nộp; máy chủ sẽ từ chối. Hãy xoá các dòng thừa hoặc tách thành nhiều biểu mẫu.",
    ]);
    const at = checkSheets(fill(MAX_COMMUNES), NTM1, DEFAULT_REFERENCE);
    expect(at.kind === "checked" && at.body?.submission.communes.length).toBe(MAX_COMMUNES);
  }, 60_000);
});

describe("applyConversion: the confirmed changes in the data to send, nothing else", () => {
  const sheet: SheetInput = {
    name: "Tiêu chí",
    address: "B3:C4",
    values: [
      ["X· §oµn KÕt", "Kh«ng"],
      ["Xã Đoàn Kết", 5],
    ],
    fonts: [
      [".VnTime", ".VnTime"],
      ["Arial", null],
    ],
  };

  it("writes `after` at each cell (grid offset by the sheet's address) and drops its legacy font; the input is untouched", () => {
    const out = applyConversion([sheet], [{ sheet: "Tiêu chí", cell: "C3", before: "Kh«ng", after: "Không", encoding: "tcvn3" }]);
    expect(out[0]!.values).toEqual([
      ["X· §oµn KÕt", "Không"],
      ["Xã Đoàn Kết", 5],
    ]);
    expect(out[0]!.fonts).toEqual([
      [".VnTime", null],
      ["Arial", null],
    ]);
    expect(sheet.values[0]![1]).toBe("Kh«ng");
  });

  it("leaves a cell whose text is no longer the `before` of the change, and other sheets", () => {
    const other: SheetInput = { name: "Thông tin", address: "A1", values: [["Kh«ng"]] };
    const out = applyConversion(
      [sheet, other],
      [
        { sheet: "Tiêu chí", cell: "B4", before: "Xã §oµn KÕt", after: "Xã Đoàn Kết", encoding: "tcvn3" },
        { sheet: "Tiêu chí", cell: "C3", before: "Kh«ng", after: "Không", encoding: "tcvn3" },
      ],
    );
    expect(out[0]!.values[1]).toEqual(["Xã Đoàn Kết", 5]);
    expect(out[1]).toBe(other);
  });
});
