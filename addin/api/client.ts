import type { Issue } from "../../shared/result.ts";
import type { Report } from "../../shared/schemas/report.ts";
import type { Submission } from "../../shared/schemas/submission.ts";
import type { District } from "../../shared/reference/districts.ts";
import type { MeResponse, RevisionInfo, SubmitResponse } from "../../shared/schemas/api.ts";
import { sendJson } from "../../shared/api/send-json.ts";

/** Calls of the Worker API (docs/interfaces.md) with a Bearer token; failures as data, never thrown. */
export type { RevisionInfo, SubmitResponse };
export type Me = MeResponse;

/** A failed call: clear Vietnamese text first, English too, and the server's issues (422/409). */
export type ApiFailure = {
  /** HTTP status, 0 when the server could not be reached. */
  status: number;
  code: string;
  message: string;
  messageEn: string;
  /** The server's own message, when it sent one. */
  serverMessage: string | null;
  issues: Issue[];
};
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiFailure };

type Texts = { vi: string; en: string };

const STATUS_TEXT: Record<number, Texts> = {
  400: { vi: "Máy chủ không hiểu dữ liệu gửi lên (dữ liệu sai cấu trúc).", en: "The server could not read the request (malformed data)." },
  401: { vi: "Mã truy cập không hợp lệ hoặc đã bị thu hồi. Hãy nhập lại mã trong thẻ Cài đặt.", en: "The access token is invalid or revoked. Enter it again in Settings." },
  403: { vi: "Mã truy cập này không có quyền làm việc này (ví dụ: gửi biểu mẫu của huyện khác).", en: "This access token is not allowed to do this (e.g. submit another district's template)." },
  404: { vi: "Không tìm thấy trên máy chủ. Kiểm tra địa chỉ máy chủ trong thẻ Cài đặt.", en: "Not found on the server. Check the server address in Settings." },
  409: { vi: "Có mã xã đã thuộc huyện khác trong năm kế hoạch này; chưa lưu gì. Xem danh sách bên dưới.", en: "Some commune codes already belong to another district this year; nothing was stored. See the list below." },
  413: { vi: "Dữ liệu quá lớn (trên 5 MB). Hãy bỏ các dòng, trang thừa rồi gửi lại.", en: "The data is too large (over 5 MB). Remove extra rows or sheets and send again." },
  422: { vi: "Máy chủ thấy biểu mẫu còn lỗi và chưa lưu. Hãy sửa các lỗi bên dưới rồi gửi lại.", en: "The server found errors in the template and stored nothing. Fix the errors below and send again." },
};
const SERVER_ERROR: Texts = { vi: "Máy chủ đang gặp lỗi; dữ liệu chưa được lưu. Hãy thử lại sau ít phút.", en: "The server has a problem; nothing was stored. Try again in a few minutes." };

function networkFailure(server: string, detail: string): ApiFailure {
  return {
    status: 0, code: "network",
    message: `Không kết nối được máy chủ ${server}. Kiểm tra mạng và địa chỉ máy chủ trong thẻ Cài đặt, rồi thử lại.`,
    messageEn: `Could not reach the server ${server}. Check the network and the server address in Settings, then try again.`,
    serverMessage: detail || null, issues: [],
  };
}

function isIssue(x: unknown): x is Issue {
  return typeof x === "object" && x !== null && typeof (x as Issue).code === "string" && typeof (x as Issue).message === "string";
}

/** The failure for an HTTP error response body `{ error: { code, message, details? } }`. */
export function failureFromResponse(status: number, body: unknown): ApiFailure {
  const error = (typeof body === "object" && body !== null ? (body as { error?: unknown }).error : undefined) as
    { code?: unknown; message?: unknown; messageEn?: unknown; details?: { issues?: unknown } } | undefined;
  const texts = STATUS_TEXT[status] ?? (status >= 500 ? SERVER_ERROR : { vi: `Máy chủ trả lỗi ${status}.`, en: `The server answered ${status}.` });
  const rawIssues = error?.details?.issues;
  const issues = Array.isArray(rawIssues) ? rawIssues.filter(isIssue).map(normalizeIssue) : [];
  return {
    status,
    code: typeof error?.code === "string" ? error.code : `http.${status}`,
    message: texts.vi,
    messageEn: texts.en,
    serverMessage: typeof error?.message === "string" ? error.message : null,
    issues,
  };
}

function normalizeIssue(i: Issue): Issue {
  return {
    code: i.code, severity: i.severity === "warning" ? "warning" : "error",
    sheet: i.sheet ?? null, cell: i.cell ?? null, row: i.row ?? null, commune: i.commune ?? null,
    message: i.message, messageEn: typeof i.messageEn === "string" ? i.messageEn : i.message,
  };
}

/** Server base URL without a trailing slash; empty → the page's own origin. */
export function normalizeServer(server: string, origin: string): string {
  const s = server.trim() === "" ? origin : server.trim();
  return s.replace(/\/+$/, "");
}

export type ClientOptions = { server: string; token: string; fetch?: typeof fetch; timeoutMs?: number };

export class ApiClient {
  readonly server: string;
  private readonly token: string;
  private readonly doFetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(options: ClientOptions) {
    this.server = options.server.replace(/\/+$/, "");
    this.token = options.token;
    this.doFetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  async request<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<ApiResult<T>> {
    const res = await sendJson({ server: this.server, token: this.token, fetch: this.doFetch, timeoutMs: this.timeoutMs },
      method, `/api/v1${path}`, body);
    if (res.status === null) return { ok: false, error: networkFailure(this.server, res.detail) };
    if (res.status < 200 || res.status >= 300) return { ok: false, error: failureFromResponse(res.status, res.json) };
    if (res.json === null) return { ok: false, error: failureFromResponse(502, null) };
    return { ok: true, value: res.json as T };
  }

  me(): Promise<ApiResult<Me>> {
    return this.request<Me>("GET", "/me");
  }

  async districts(): Promise<ApiResult<District[]>> {
    const r = await this.request<{ districts: District[] }>("GET", "/districts");
    return r.ok ? { ok: true, value: r.value.districts } : r;
  }

  async revisions(year: number, district: string): Promise<ApiResult<RevisionInfo[]>> {
    const q = `?year=${encodeURIComponent(String(year))}&district=${encodeURIComponent(district)}`;
    const r = await this.request<{ submissions: RevisionInfo[] }>("GET", `/submissions${q}`);
    return r.ok ? { ok: true, value: r.value.submissions } : r;
  }

  revision(id: string): Promise<ApiResult<RevisionInfo & { submission: Submission }>> {
    return this.request("GET", `/submissions/${encodeURIComponent(id)}`);
  }

  submit(submission: Submission): Promise<ApiResult<SubmitResponse>> {
    return this.request<SubmitResponse>("POST", "/submissions", submission);
  }

  report(year: number): Promise<ApiResult<Report>> {
    return this.request<Report>("GET", `/reports/${encodeURIComponent(String(year))}`);
  }
}
