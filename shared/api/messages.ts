import type { Catalogue, Texts } from "../text/catalogue.ts";
import { renderBoth } from "../text/catalogue.ts";
import { MAX_BODY_BYTES, megabytes } from "../limits.ts";

/**
 * The texts of API failures (shared/api/client.ts), Vietnamese first: the client-side failures by
 * code, and the HTTP statuses the Worker answers. The CLI prints them; the task pane's i18n resolves
 * them from here too. Placeholders: `{server}`, `{detail}`, `{status}`.
 */
export const API_MESSAGES = {
  "network.unreachable": {
    vi: "Không kết nối được máy chủ {server} ({detail}). Kiểm tra mạng và địa chỉ máy chủ, rồi thử lại.",
    en: "Could not reach the server {server} ({detail}). Check the network and the server address, then try again.",
  },
  "response.unexpected": {
    vi: "Máy chủ trả lời không như mong đợi (HTTP {status}); có thể dữ liệu chưa được lưu. Kiểm tra địa chỉ máy chủ rồi thử lại.",
    en: "The server answered something unexpected (HTTP {status}); nothing may have been stored. Check the server address and try again.",
  },
  "http.400": {
    vi: "Máy chủ không hiểu dữ liệu gửi lên (dữ liệu sai cấu trúc).",
    en: "The server could not read the request (malformed data).",
  },
  "http.401": {
    vi: "Mã truy cập không hợp lệ hoặc đã bị thu hồi. Hãy dùng một mã truy cập hợp lệ.",
    en: "The access token is missing, invalid or revoked. Use a valid token.",
  },
  "http.403": {
    vi: "Mã truy cập này không có quyền làm việc này (ví dụ: gửi biểu mẫu của huyện khác).",
    en: "This access token is not allowed to do this (e.g. submit another district's template).",
  },
  "http.404": {
    vi: "Không tìm thấy trên máy chủ. Kiểm tra địa chỉ máy chủ.",
    en: "Not found on the server. Check the server address.",
  },
  "http.409": {
    vi: "Có mã xã đã thuộc huyện khác trong năm kế hoạch này; chưa lưu gì.",
    en: "Some commune codes already belong to another district this year; nothing was stored.",
  },
  "round.locked": {
    vi: "Báo cáo này đã được văn phòng điều phối duyệt và khóa; không nhận bản mới. Liên hệ văn phòng nếu cần mở lại.",
    en: "This report was accepted and locked by the coordination office; no new revision is taken. Ask the office to reopen it.",
  },
  "review.stale": {
    vi: "Đơn vị đã gửi bản mới hơn bản đang xem; chưa thực hiện. Hãy xem lại bản mới nhất.",
    en: "The unit has sent a newer revision than the one looked at; nothing was changed. Look at the latest revision.",
  },
  "review.invalid_state": {
    vi: "Thao tác không phù hợp với tình trạng hiện tại của báo cáo; chưa thực hiện.",
    en: "The action does not fit the report's current status; nothing was changed.",
  },
  "http.413": {
    vi: `Dữ liệu gửi lên vượt quá ${megabytes(MAX_BODY_BYTES)} MB, giới hạn của máy chủ. Hãy bỏ các dòng, trang tính thừa rồi gửi lại.`,
    en: `The data to send exceeds ${megabytes(MAX_BODY_BYTES)} MB, the server's limit. Remove extra rows or sheets and send again.`,
  },
  "http.422": {
    vi: "Máy chủ thấy biểu mẫu còn lỗi và chưa lưu. Hãy sửa các lỗi được liệt kê rồi gửi lại.",
    en: "The server found errors in the template and stored nothing. Fix the listed errors and send again.",
  },
  "http.5xx": {
    vi: "Máy chủ đang gặp lỗi (HTTP {status}); dữ liệu chưa được lưu. Hãy thử lại sau ít phút.",
    en: "The server has a problem (HTTP {status}); nothing was stored. Try again in a few minutes.",
  },
  "http.other": {
    vi: "Máy chủ trả lỗi HTTP {status}.",
    en: "The server answered HTTP {status}.",
  },
} as const satisfies Catalogue;

export type ApiMessageKey = keyof typeof API_MESSAGES;

/** What the failure says: its code's text when the catalogue has one, else its HTTP status's. */
export function apiMessageKey(code: string, status: number | null): ApiMessageKey {
  if (Object.hasOwn(API_MESSAGES, code)) return code as ApiMessageKey;
  if (status !== null) {
    const byStatus = `http.${status}`;
    if (Object.hasOwn(API_MESSAGES, byStatus)) return byStatus as ApiMessageKey;
    if (status >= 500) return "http.5xx";
  }
  return "http.other";
}

/** Both texts of a failure (`{ status, code, params }` of shared/api/client.ts). */
export function apiFailureTexts(f: { status: number | null; code: string; params: Readonly<Record<string, string | number>> }): Texts {
  return renderBoth(API_MESSAGES, apiMessageKey(f.code, f.status), { status: f.status ?? "-", ...f.params });
}
