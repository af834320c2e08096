import type { OperationReport } from "./port.ts";
import type { Feature } from "./features.ts";
import { skipNote } from "./features.ts";

/**
 * One `Excel.run` per action: retries while the user is editing a cell (bounded, with backoff),
 * counts syncs, collects skipped features, and turns every failure into an ExcelOperationError
 * with a Vietnamese and an English message and the host's error code. Nothing is swallowed.
 */
export class ExcelOperationError extends Error {
  readonly code: string;
  readonly operation: string;
  readonly messageVi: string;
  readonly messageEn: string;
  readonly detail: string | null;

  constructor(code: string, operation: string, messageVi: string, messageEn: string, detail: string | null, cause?: unknown) {
    super(`${messageVi} (${messageEn})`, cause === undefined ? undefined : { cause });
    this.name = "ExcelOperationError";
    this.code = code;
    this.operation = operation;
    this.messageVi = messageVi;
    this.messageEn = messageEn;
    this.detail = detail;
  }
}

export const CELL_EDIT_MODE = "InvalidOperationInCellEditMode";

/** Vietnamese and English text per Office.js error code (Excel.ErrorCodes). */
const MESSAGES: Record<string, [string, string]> = {
  [CELL_EDIT_MODE]: [
    "Excel đang ở chế độ sửa ô. Hãy bấm Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại.",
    "Excel is in cell-edit mode. Press Enter or Esc to leave the cell, then try again.",
  ],
  AccessDenied: [
    "Excel từ chối thao tác: trang tính hoặc sổ làm việc đang được bảo vệ hoặc chỉ đọc.",
    "Excel denied the operation: the sheet or workbook is protected or read-only.",
  ],
  ApiNotFound: [
    "Phiên bản Excel này không hỗ trợ thao tác cần thiết. Hãy cập nhật Excel hoặc dùng Excel trên web.",
    "This Excel version does not support a required operation. Update Excel or use Excel on the web.",
  ],
  NotImplemented: [
    "Phiên bản Excel này chưa hỗ trợ thao tác cần thiết.",
    "This Excel version does not implement a required operation.",
  ],
  ItemNotFound: [
    "Không tìm thấy trang tính, bảng hoặc vùng cần dùng trong sổ làm việc.",
    "A sheet, table or range the add-in needs was not found in the workbook.",
  ],
  ItemAlreadyExists: [
    "Đã có một trang tính hoặc bảng trùng tên trong sổ làm việc.",
    "A sheet or table with the same name already exists in the workbook.",
  ],
  InvalidArgument: [
    "Excel không chấp nhận dữ liệu ghi vào (tham số không hợp lệ).",
    "Excel rejected the data written (invalid argument).",
  ],
  InvalidReference: [
    "Địa chỉ ô hoặc vùng không hợp lệ.",
    "A cell or range address is not valid.",
  ],
  InvalidOperation: [
    "Excel không thực hiện được thao tác này trên sổ làm việc hiện tại (ví dụ vùng trùng với bảng hoặc ô gộp).",
    "Excel cannot perform this operation on the current workbook (e.g. the range overlaps a table or merged cells).",
  ],
  InsertDeleteConflict: [
    "Không chèn hoặc xóa được ô vì xung đột với bảng hoặc ô gộp.",
    "Cells could not be inserted or deleted because of a conflict with a table or merged cells.",
  ],
  RequestPayloadSizeLimitExceeded: [
    "Dữ liệu gửi tới Excel quá lớn cho một lần. Hãy thử lại; nếu lỗi lặp lại, hãy dùng Excel trên máy tính.",
    "The data sent to Excel is too large for one request. Try again; if it repeats, use Excel desktop.",
  ],
  ResponsePayloadSizeLimitExceeded: [
    "Dữ liệu đọc từ Excel quá lớn cho một lần. Hãy thử lại; nếu lỗi lặp lại, hãy dùng Excel trên máy tính.",
    "The data read from Excel is too large for one response. Try again; if it repeats, use Excel desktop.",
  ],
  Conflict: [
    "Sổ làm việc đang được người khác sửa cùng lúc. Hãy thử lại.",
    "The workbook is being changed by someone else at the same time. Try again.",
  ],
  Timeout: ["Excel không trả lời kịp. Hãy thử lại.", "Excel did not answer in time. Try again."],
  ServiceNotAvailable: ["Dịch vụ Excel tạm thời không sẵn sàng. Hãy thử lại sau.", "The Excel service is temporarily unavailable. Try again later."],
  GeneralException: ["Excel báo lỗi khi thực hiện thao tác.", "Excel reported an error while performing the operation."],
  NoExcel: [
    "Không có Excel: hãy mở phần bổ trợ trong Excel.",
    "Excel is not available: open the add-in inside Excel.",
  ],
  SettingsSaveFailed: [
    "Không lưu được thông tin vào sổ làm việc (cài đặt tài liệu).",
    "Could not save information in the workbook (document settings).",
  ],
};

/** Maps anything thrown by Office.js (or the adapter) to an ExcelOperationError. */
export function toExcelError(error: unknown, operation: string): ExcelOperationError {
  if (error instanceof ExcelOperationError) return error;
  const e = (typeof error === "object" && error !== null ? error : {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === "string" && e.code !== "" ? e.code : "Unknown";
  const detail = typeof e.message === "string" ? e.message : error === undefined ? null : String(error);
  const known = MESSAGES[code];
  const vi = known ? known[0] : `Excel báo lỗi (${code}) khi ${operation}.`;
  const en = known ? known[1] : `Excel reported an error (${code}) during ${operation}.`;
  return new ExcelOperationError(code, operation, vi, en, detail, error);
}

export function excelError(code: string, operation: string, detail: string | null = null): ExcelOperationError {
  return toExcelError({ code, message: detail ?? undefined }, operation);
}

/** What an action body gets: the request context, a counted sync, and the skipped-feature list. */
export type RunContext = {
  context: Excel.RequestContext;
  sync(): Promise<void>;
  readonly syncs: number;
  skipped: string[];
  skip(feature: Feature): void;
};

export type RunOptions = {
  /** Retries after InvalidOperationInCellEditMode (default 4). */
  retries?: number;
  /** First backoff delay in ms (doubled each retry; default 500). */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
};

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs `body` inside one `Excel.run`, with bounded retries while Excel is in cell-edit mode. */
export async function runExcel<T>(
  operation: string,
  body: (rc: RunContext) => Promise<T>,
  options: RunOptions = {},
): Promise<{ value: T; report: OperationReport }> {
  const retries = options.retries ?? 4;
  const backoff = options.backoffMs ?? 500;
  const sleep = options.sleep ?? defaultSleep;
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") throw excelError("NoExcel", operation);
  for (let attempt = 0; ; attempt++) {
    let syncs = 0;
    const skipped: string[] = [];
    try {
      const value = await Excel.run(async (context) => {
        const rc: RunContext = {
          context,
          async sync() { syncs++; await context.sync(); },
          get syncs() { return syncs; },
          skipped,
          skip(feature) { const n = skipNote(feature); if (!skipped.includes(n)) skipped.push(n); },
        };
        return body(rc);
      });
      return { value, report: { syncs, skipped } };
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === CELL_EDIT_MODE && attempt < retries) {
        await sleep(backoff * 2 ** attempt);
        continue;
      }
      throw toExcelError(error, operation);
    }
  }
}
