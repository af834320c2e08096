import { formatVietnamTime } from "../../shared/report/report-sheet.ts";
import type { Round } from "../../shared/schemas/api/common.ts";
import type { AuditEntry, Completeness, UnitStatus } from "../../shared/schemas/api/review.ts";

/** A unit's review status in Vietnamese (docs/review.md): Chưa nộp, Đã nộp, Nộp muộn, Trả lại, Đã duyệt. */
export const STATUS_VI: Record<UnitStatus, string> = {
  missing: "Chưa nộp",
  submitted: "Đã nộp",
  late: "Nộp muộn",
  returned: "Trả lại",
  accepted: "Đã duyệt",
};

/** A round in Vietnamese: plan → Kế hoạch, result → Kết quả thực hiện. */
export const ROUND_VI: Record<Round, string> = { plan: "Kế hoạch", result: "Kết quả thực hiện" };

/** An audit action in Vietnamese. */
export const ACTION_VI: Record<AuditEntry["action"], string> = {
  submit: "Nộp",
  return: "Trả lại",
  accept: "Duyệt",
  reopen: "Mở lại",
  setup: "Cấu hình",
  deadline: "Hạn nộp",
  targets: "Chỉ tiêu",
  "token.create": "Tạo mã",
  "token.revoke": "Thu hồi mã",
};

/** `Đã nộp 9/11 · Đúng hạn 8/11 · Đã duyệt 3/11`. */
export function completenessLine(c: Completeness): string {
  return `Đã nộp ${c.submitted}/${c.expected} · Đúng hạn ${c.onTime}/${c.expected} · Đã duyệt ${c.accepted}/${c.expected}`;
}

/** `2027-03-31` → `31/03/2027`; null → `chưa đặt` (none set). */
export function deadlineVi(date: string | null): string {
  if (date === null) return "chưa đặt";
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

/** `Số liệu tại: 01/03/2027 07:00 (thao tác số 12)`: the cut a report or a status board was computed at. */
export function cutLine(cut: { asOf: string | null; seq: number }): string {
  return `Số liệu tại: ${cut.asOf === null ? "-" : formatVietnamTime(cut.asOf)} (thao tác số ${cut.seq})`;
}
