import type { Issue } from "../result.ts";
import type { Catalogue, Params } from "../text/catalogue.ts";
import { renderBoth } from "../text/catalogue.ts";
import { utf8Text } from "./web.ts";
import { zipEntries } from "./zip-entries.ts";

/**
 * Why a workbook cannot be read, in both languages (the CLI's exceljs reader and the shared reader
 * give the same issues), and what kind of file the bytes are before anything is inflated.
 */

/** Why a file cannot be read (issue codes; `workbook.open_failed` is reported as `workbook.unreadable`). */
export const READ_TEXTS = {
  "workbook.legacy_format": {
    vi: "Tệp là bảng tính Excel cũ (.xls) hoặc đã đặt mật khẩu. Hãy mở trong Excel, bỏ mật khẩu nếu có, và lưu lại dưới dạng Excel Workbook (.xlsx).",
    en: "The file is an old Excel workbook (.xls) or password-protected. Open it in Excel, remove any password, and save it as an Excel Workbook (.xlsx).",
  },
  "workbook.ods": {
    vi: "Tệp là bảng tính OpenDocument (.ods). Hãy mở tệp trong LibreOffice hoặc WPS, chọn Tệp → Lưu thành (Save As), kiểu tệp Excel 2007-365 (.xlsx), rồi chọn lại tệp .xlsx đó.",
    en: "The file is an OpenDocument spreadsheet (.ods). Open it in LibreOffice or WPS, choose File → Save As, file type Excel 2007-365 (.xlsx), then choose that .xlsx file again.",
  },
  "workbook.not_xlsx": {
    vi: "Tệp không phải là bảng tính Excel (.xlsx). Hãy dùng biểu mẫu chuẩn và lưu dưới dạng Excel Workbook (.xlsx).",
    en: "The file is not an Excel workbook (.xlsx). Use the standard template and save it as an Excel Workbook (.xlsx).",
  },
  "workbook.unreadable": {
    vi: "Không đọc được tệp Excel (tệp bị hỏng hoặc không phải .xlsx): {detail}. Hãy mở tệp trong Excel và lưu lại dưới dạng .xlsx.",
    en: "The Excel file cannot be read (damaged or not .xlsx): {detail}. Open it in Excel and save it again as .xlsx.",
  },
  "workbook.no_sheets": { vi: "Tệp Excel không có trang tính nào.", en: "The Excel file has no worksheets." },
  "workbook.too_large": {
    vi: "Tệp {file} nặng {size} MB, quá giới hạn {limit} MB của một biểu mẫu. Hãy xoá các trang tính, hình ảnh và dòng thừa rồi lưu lại.",
    en: "The file {file} is {size} MB, over the {limit} MB limit of a template. Delete extra sheets, pictures and rows, then save it again.",
  },
  "sheet.too_many_rows": {
    vi: 'Trang tính "{sheet}" có ô (dữ liệu hoặc định dạng) ở dòng {row}, quá giới hạn {limit} dòng của trang này. Hãy xoá các dòng thừa (Xoá hàng, không chỉ xoá nội dung) rồi lưu lại.',
    en: 'Sheet "{sheet}" has cells (data or formatting) at row {row}, past its limit of {limit} rows. Delete the extra rows (Delete rows, not just their contents), then save again.',
  },
  "workbook.too_many_cells": {
    vi: 'Các trang tính quá lớn: tính đến trang "{sheet}" (vùng A1:{corner}) đã quá {limit} ô. Hãy xoá các dòng, cột và trang tính thừa rồi lưu lại.',
    en: 'The sheets are too large: up to sheet "{sheet}" (range A1:{corner}) they span more than {limit} cells. Delete extra rows, columns and sheets, then save again.',
  },
  "workbook.not_found": { vi: "Không tìm thấy tệp: {file}", en: "File not found: {file}" },
  "workbook.open_failed": { vi: "Không mở được tệp {file}: {detail}", en: "Cannot open {file}: {detail}" },
} satisfies Catalogue;

export type ReadFailure = keyof typeof READ_TEXTS;

/** One failure of reading, as a failed Result (`workbook.open_failed` is reported as `workbook.unreadable`). */
export function readFailure(key: ReadFailure, params: Params = {}, sheet: string | null = null): { ok: false; issues: Issue[] } {
  const code = key === "workbook.open_failed" ? "workbook.unreadable" : key;
  const { vi, en } = renderBoth(READ_TEXTS, key, params);
  const issue: Issue = { code, severity: "error", sheet, cell: null, row: null, commune: null, message: vi, messageEn: en };
  return { ok: false, issues: [issue] };
}

/** What the bytes are: a zip to read as .xlsx, an OLE file (.xls or encrypted .xlsx), an .ods, or neither. */
export type WorkbookKind = "xlsx" | "xls-or-encrypted" | "ods" | "not-xlsx";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b];
const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The `mimetype` entry of an OpenDocument zip: stored (uncompressed) and first, as ODF requires. */
function odfMimetype(bytes: Uint8Array): string | null {
  const entry = zipEntries(bytes)?.get("mimetype");
  if (entry && entry.method === 0) return utf8Text(bytes.subarray(entry.start, entry.start + entry.size));
  // No readable central directory: the first local header, `mimetype` then its stored text.
  const head = utf8Text(bytes.subarray(30, 30 + 8 + ODS_MIMETYPE.length + 64));
  return head.startsWith("mimetype") ? head : null;
}

/** The kind of a workbook's bytes, from its first bytes (and the `mimetype` entry of a zip). */
export function sniffWorkbook(bytes: Uint8Array): WorkbookKind {
  if (startsWith(bytes, OLE_MAGIC)) return "xls-or-encrypted";
  if (!startsWith(bytes, ZIP_MAGIC)) return "not-xlsx";
  const mimetype = odfMimetype(bytes);
  if (mimetype?.includes(ODS_MIMETYPE)) return "ods";
  return "xlsx";
}
