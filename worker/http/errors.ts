import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { API_MESSAGES } from "../../shared/api/messages.ts";
import type { Issue } from "../../shared/result.ts";
import type { ErrorBody } from "../../shared/schemas/api.ts";

/**
 * The one error shape of the API (shared/schemas/api/common.ts `errorBodySchema`):
 * `{ error: { code, message, messageEn, details? } }`. `message` is Vietnamese (shown first),
 * `messageEn` its English text; the Worker always sends both.
 */
type Details = NonNullable<ErrorBody["error"]["details"]>;

/** An HTTP error raised by middleware or a route, turned into the error shape by `onError`. */
export class HttpError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly messageEn: string;
  readonly details: Details | undefined;

  constructor(status: ContentfulStatusCode, code: string, message: string, messageEn: string, details?: Details) {
    super(message);
    this.status = status;
    this.code = code;
    this.messageEn = messageEn;
    this.details = details;
  }

  body(): ErrorBody & { error: { messageEn: string } } {
    const error: ErrorBody["error"] & { messageEn: string } = { code: this.code, message: this.message, messageEn: this.messageEn };
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}

export function errorResponse(c: Context, err: HttpError): Response {
  return c.json(err.body(), err.status);
}

export const unauthorized = (): HttpError =>
  new HttpError(
    401,
    "auth.required",
    "Cần mã truy cập hợp lệ (Authorization: Bearer <mã>).",
    "A valid token is required (Authorization: Bearer <token>).",
  );

export const forbidden = (): HttpError =>
  new HttpError(403, "auth.forbidden", "Mã truy cập này không có quyền thực hiện thao tác này.", "This token is not allowed to do this.");

export const notFound = (what = "resource"): HttpError => new HttpError(404, "not_found", "Không tìm thấy.", `Not found (${what}).`);

/** Over MAX_BODY_BYTES (shared/limits.ts): the same text as the clients' (`http.413`, shared/api/messages.ts). */
export const payloadTooLarge = (): HttpError =>
  new HttpError(413, "body.too_large", API_MESSAGES["http.413"].vi, API_MESSAGES["http.413"].en);

export const malformed = (messageVi: string, messageEn: string, details?: Details): HttpError =>
  new HttpError(400, "request.malformed", messageVi, messageEn, details);

/** A zod failure → 400 with `details.issues` = [{ path, code, message }]. */
export function fromZod(error: z.ZodError): HttpError {
  const issues = error.issues.map((i) => ({
    path: i.path.map((p) => String(p)).join("."),
    code: i.code,
    message: i.message,
  }));
  return malformed("Dữ liệu gửi lên không đúng cấu trúc.", "The request body does not have the expected shape.", { issues });
}

/** Template rule failures → 422 with `details.issues` (docs/template.md issues, errors and warnings). */
export function ruleFailure(issues: Issue[]): HttpError {
  return new HttpError(
    422,
    "submission.invalid",
    "Biểu mẫu có lỗi, chưa được lưu. Hãy sửa các lỗi được liệt kê rồi nộp lại.",
    "The template has errors and was not stored. Fix the listed errors and submit again.",
    { issues },
  );
}

/** Cross-unit conflict (`commune.owned_elsewhere`) → 409 with `details.issues`. */
export function conflict(issues: Issue[]): HttpError {
  return new HttpError(
    409,
    "submission.conflict",
    "Có mã xã đã thuộc đơn vị (huyện) khác trong năm kế hoạch này; chưa được lưu.",
    "Some commune codes already belong to another unit (district) for this plan year; nothing was stored.",
    { issues },
  );
}

export const internal = (): HttpError =>
  new HttpError(
    500,
    "internal",
    "Lỗi máy chủ; dữ liệu chưa được lưu. Hãy thử lại sau.",
    "Server error; nothing was stored. Try again later.",
  );

/** A unit token acting for a year whose setup does not list its unit (docs/setup.md). */
export const unitNotInSetup = (unit: string, year: number): HttpError =>
  new HttpError(
    403,
    "unit.not_in_setup",
    `Đơn vị ${unit} không có trong cấu hình năm ${year}; mã truy cập này không thể nộp cho năm đó.`,
    `Unit ${unit} is not a unit of the ${year} setup; this token cannot submit for that year.`,
  );

/** A year with neither an applied setup nor built-in defaults (docs/setup.md). */
export const setupMissing = (year: number): HttpError =>
  new HttpError(
    404,
    "setup.missing",
    `Năm ${year} chưa có cấu hình. Quản trị viên áp dụng cấu hình bằng lệnh \`ntm setup apply <tệp.xlsx>\` (bảng Thiết lập).`,
    `The year ${year} has no setup. An administrator applies one with \`ntm setup apply <file.xlsx>\` (the Thiết lập workbook).`,
  );

/** Setup rule failures (shared/setup/check-setup.ts) → 422 with `details.issues`; nothing stored. */
export function setupInvalid(issues: Issue[]): HttpError {
  return new HttpError(
    422,
    "setup.invalid",
    "Cấu hình có lỗi, chưa được áp dụng. Hãy sửa các lỗi được liệt kê rồi áp dụng lại.",
    "The setup has errors and was not applied. Fix the listed errors and apply it again.",
    { issues },
  );
}

const ROUND_VI = { plan: "kế hoạch", result: "kết quả thực hiện" } as const;

/** A submission to a round the office accepted (docs/review.md): 409, nothing stored. */
export const roundLocked = (unit: string, year: number, round: "plan" | "result"): HttpError =>
  new HttpError(
    409,
    "round.locked",
    `Báo cáo ${ROUND_VI[round]} năm ${year} của đơn vị ${unit} đã được duyệt và khóa; không nhận bản mới. Liên hệ văn phòng điều phối nếu cần mở lại.`,
    `The ${round} round of ${year} of unit ${unit} was accepted and is locked; no new revision is taken. Ask the coordination office to reopen it.`,
  );

/** A review naming a revision that is no longer the unit's latest: 409, nothing changed. */
export const reviewStale = (named: number, latest: number | null): HttpError =>
  new HttpError(
    409,
    "review.stale",
    `Bản số ${named} không còn là bản mới nhất${latest === null ? "" : ` (bản mới nhất: ${latest})`}; chưa thực hiện. Hãy xem lại bản mới nhất.`,
    `Revision ${named} is no longer the latest${latest === null ? "" : ` (latest: ${latest})`}; nothing was changed. Look at the latest revision again.`,
    { latestRevision: latest },
  );

/** A review action that the unit's current state does not allow (e.g. return an accepted round, reopen one not accepted). */
export const reviewState = (action: string, status: string): HttpError =>
  new HttpError(
    409,
    "review.invalid_state",
    action === "reopen"
      ? "Chỉ mở lại được báo cáo đã duyệt; chưa thực hiện."
      : status === "accepted"
        ? "Báo cáo đã được duyệt (đã khóa); hãy mở lại trước. Chưa thực hiện."
        : "Đơn vị chưa nộp báo cáo này; chưa thực hiện.",
    action === "reopen"
      ? "Only an accepted round can be reopened; nothing was changed."
      : status === "accepted"
        ? "The round is accepted (locked); reopen it first. Nothing was changed."
        : "The unit has not submitted this round; nothing was changed.",
    { action, status },
  );

/** Targets that the year's setup refuses (shared/targets/check-targets.ts) → 422 with `details.issues`, each at its cell; nothing stored. */
export function targetsInvalid(issues: Issue[]): HttpError {
  return new HttpError(
    422,
    "targets.invalid",
    "Chỉ tiêu có lỗi, chưa được áp dụng. Hãy sửa các lỗi được liệt kê rồi áp dụng lại.",
    "The targets have errors and were not applied. Fix the listed errors and apply them again.",
    { issues },
  );
}
