import type { Catalogue } from "../../shared/text/catalogue.ts";

/**
 * Texts of the Office.js error codes (Excel.ErrorCodes) the adapter reports (addin/excel/run.ts
 * ExcelOperationError.code), Vietnamese first; other codes fall back to `errorExcel` of messages.ts.
 */
export const EXCEL_MESSAGES = {
  InvalidOperationInCellEditMode: {
    vi: "Excel đang ở chế độ sửa ô. Hãy bấm Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại.",
    en: "Excel is in cell-edit mode. Press Enter or Esc to leave the cell, then try again.",
  },
  AccessDenied: {
    vi: "Excel từ chối thao tác: trang tính hoặc sổ làm việc đang được bảo vệ hoặc chỉ đọc.",
    en: "Excel denied the operation: the sheet or workbook is protected or read-only.",
  },
  ApiNotFound: {
    vi: "Phiên bản Excel này không hỗ trợ thao tác cần thiết. Hãy cập nhật Excel hoặc dùng Excel trên web.",
    en: "This Excel version does not support a required operation. Update Excel or use Excel on the web.",
  },
  NotImplemented: {
    vi: "Phiên bản Excel này chưa hỗ trợ thao tác cần thiết.",
    en: "This Excel version does not implement a required operation.",
  },
  ItemNotFound: {
    vi: "Không tìm thấy trang tính, bảng hoặc vùng cần dùng trong sổ làm việc.",
    en: "A sheet, table or range the add-in needs was not found in the workbook.",
  },
  ItemAlreadyExists: {
    vi: "Đã có một trang tính hoặc bảng trùng tên trong sổ làm việc.",
    en: "A sheet or table with the same name already exists in the workbook.",
  },
  InvalidArgument: {
    vi: "Excel không chấp nhận dữ liệu ghi vào (tham số không hợp lệ).",
    en: "Excel rejected the data written (invalid argument).",
  },
  InvalidReference: {
    vi: "Địa chỉ ô hoặc vùng không hợp lệ.",
    en: "A cell or range address is not valid.",
  },
  InvalidOperation: {
    vi: "Excel không thực hiện được thao tác này trên sổ làm việc hiện tại (ví dụ vùng trùng với bảng hoặc ô gộp).",
    en: "Excel cannot perform this operation on the current workbook (e.g. the range overlaps a table or merged cells).",
  },
  InsertDeleteConflict: {
    vi: "Không chèn hoặc xóa được ô vì xung đột với bảng hoặc ô gộp.",
    en: "Cells could not be inserted or deleted because of a conflict with a table or merged cells.",
  },
  RequestPayloadSizeLimitExceeded: {
    vi: "Dữ liệu gửi tới Excel quá lớn cho một lần. Hãy thử lại; nếu lỗi lặp lại, hãy dùng Excel trên máy tính.",
    en: "The data sent to Excel is too large for one request. Try again; if it repeats, use Excel desktop.",
  },
  ResponsePayloadSizeLimitExceeded: {
    vi: "Dữ liệu đọc từ Excel quá lớn cho một lần. Hãy thử lại; nếu lỗi lặp lại, hãy dùng Excel trên máy tính.",
    en: "The data read from Excel is too large for one response. Try again; if it repeats, use Excel desktop.",
  },
  Conflict: {
    vi: "Sổ làm việc đang được người khác sửa cùng lúc. Hãy thử lại.",
    en: "The workbook is being changed by someone else at the same time. Try again.",
  },
  Timeout: {
    vi: "Excel không trả lời kịp. Hãy thử lại.",
    en: "Excel did not answer in time. Try again.",
  },
  ServiceNotAvailable: {
    vi: "Dịch vụ Excel tạm thời không sẵn sàng. Hãy thử lại sau.",
    en: "The Excel service is temporarily unavailable. Try again later.",
  },
  GeneralException: {
    vi: "Excel báo lỗi khi thực hiện thao tác.",
    en: "Excel reported an error while performing the operation.",
  },
  NoExcel: {
    vi: "Không có Excel: hãy mở phần bổ trợ trong Excel.",
    en: "Excel is not available: open the add-in inside Excel.",
  },
  SettingsSaveFailed: {
    vi: "Không lưu được thông tin vào sổ làm việc (cài đặt tài liệu).",
    en: "Could not save information in the workbook (document settings).",
  },
} as const satisfies Catalogue;

export type ExcelMessageKey = keyof typeof EXCEL_MESSAGES;
