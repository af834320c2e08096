import { describe, expect, it } from "vitest";
import { READ_TEXTS as CLI_READ_TEXTS } from "../../../cli/xlsx/read-workbook.ts";
import { READ_TEXTS, readFailure, sniffWorkbook } from "../../../shared/xlsx/read-texts.ts";
import { zip } from "./zip-writer.ts";

describe("sniffWorkbook", () => {
  it("an OLE compound file (.xls, or an encrypted .xlsx) → xls-or-encrypted", () => {
    expect(sniffWorkbook(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toBe("xls-or-encrypted");
  });

  it("a zip → xlsx; an OpenDocument spreadsheet zip → ods; an OpenDocument text is still a zip (xlsx)", () => {
    expect(sniffWorkbook(zip([{ name: "xl/workbook.xml", data: "<workbook/>" }]))).toBe("xlsx");
    const ods = zip([
      { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", store: true },
      { name: "content.xml", data: "<x/>" },
    ]);
    expect(sniffWorkbook(ods)).toBe("ods");
    // A truncated .ods (no central directory): the first local header still names it.
    expect(sniffWorkbook(ods.subarray(0, 120))).toBe("ods");
    expect(sniffWorkbook(zip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.text", store: true }]))).toBe("xlsx");
  });

  it("anything else → not-xlsx", () => {
    expect(sniffWorkbook(new TextEncoder().encode("Mã xã,Tên xã\n"))).toBe("not-xlsx");
    expect(sniffWorkbook(new Uint8Array(0))).toBe("not-xlsx");
    expect(sniffWorkbook(new Uint8Array([0x50]))).toBe("not-xlsx");
  });
});

describe("READ_TEXTS and readFailure", () => {
  it("the CLI re-exports the same catalogue", () => {
    expect(CLI_READ_TEXTS).toBe(READ_TEXTS);
  });

  it("workbook.open_failed reaches the user as workbook.unreadable; a sheet is named where given", () => {
    expect(readFailure("workbook.open_failed", { file: "a.xlsx", detail: "EACCES" }).issues).toEqual([
      {
        code: "workbook.unreadable",
        severity: "error",
        sheet: null,
        cell: null,
        row: null,
        commune: null,
        message: "Không mở được tệp a.xlsx: EACCES",
        messageEn: "Cannot open a.xlsx: EACCES",
      },
    ]);
    const rows = readFailure("sheet.too_many_rows", { sheet: "Xã", row: 12001, limit: 12000 }, "Xã").issues[0]!;
    expect([rows.code, rows.sheet]).toEqual(["sheet.too_many_rows", "Xã"]);
  });
});
