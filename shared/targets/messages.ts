import type { Issue, Severity } from "../result.ts";
import type { Catalogue } from "../text/catalogue.ts";
import { fill } from "../text/catalogue.ts";
import { placeholders } from "../text/placeholders.ts";

/**
 * The issues of a year's targets (cycle.md "Targets"): the `Chỉ tiêu` workbook as read
 * (read-workbook.ts) and the targets JSON checked against the year's setup (check-targets.ts).
 * Stable codes (the server's 422 body, the CLI and tests depend on them), Vietnamese first.
 */
type Entry = { severity: Severity; vi: string; en: string };

const MESSAGES = {
  "targets.sheet_missing": {
    severity: "error",
    vi: 'Thiếu trang "{sheet}". Hãy dùng tệp do lệnh "ntm targets template" tạo ra và giữ nguyên tên trang.',
    en: 'Sheet "{sheet}" is missing. Use the workbook "ntm targets template" writes and keep its sheet names.',
  },
  "targets.year_missing": {
    severity: "error",
    vi: 'Trang "Chỉ tiêu tỉnh" thiếu "Năm kế hoạch". Hãy ghi "Năm kế hoạch" ở cột A và năm ở cột B.',
    en: 'Sheet "Chỉ tiêu tỉnh" lacks "Năm kế hoạch". Type "Năm kế hoạch" in column A and the year in column B.',
  },
  "targets.year_invalid": {
    severity: "error",
    vi: "Năm kế hoạch {value} không hợp lệ. Hãy ghi năm có 4 chữ số, ví dụ 2027.",
    en: "Plan year {value} is not valid. Type a four-digit year, e.g. 2027.",
  },
  "targets.year_mismatch": {
    severity: "error",
    vi: "Chỉ tiêu ghi năm {year} nhưng đang áp dụng cho năm {expected}. Hãy sửa Năm kế hoạch cho khớp.",
    en: "The targets are for {year} but are being applied to {expected}. Make the plan year agree.",
  },
  "targets.key_unknown": {
    severity: "error",
    vi: 'Không hiểu chỉ tiêu "{key}". Hãy ghi một trong: Số xã đạt chuẩn NTM; TC<số> (ví dụ TC2); Đạt <nhóm> tiêu chí; Dưới <n> tiêu chí; Tổng vốn; Vốn <STT>.',
    en: 'Unknown target "{key}". Use one of: Số xã đạt chuẩn NTM; TC<k> (e.g. TC2); Đạt <band> tiêu chí; Dưới <n> tiêu chí; Tổng vốn; Vốn <STT>.',
  },
  "targets.key_not_in_setup": {
    severity: "error",
    vi: 'Chỉ tiêu "{key}" không có trong cấu hình năm {year} (bộ tiêu chí, nhóm xã hoặc STT nguồn vốn của năm đó). Hãy xóa dòng hoặc sửa cho đúng.',
    en: 'Target "{key}" is not in the {year} setup (its criteria, bands or capital STT). Delete it or correct it.',
  },
  "targets.key_duplicate": {
    severity: "error",
    vi: 'Chỉ tiêu "{key}" được ghi hai lần (đã có ở ô {first}). Hãy xóa dòng thừa.',
    en: 'Target "{key}" is given twice (already at {first}). Delete the extra one.',
  },
  "targets.count_invalid": {
    severity: "error",
    vi: 'Chỉ tiêu "{key}" = {value} không hợp lệ: số xã phải là số nguyên không âm, ví dụ 48.',
    en: 'Target "{key}" = {value} is not valid: a number of communes is a whole number, not negative, e.g. 48.',
  },
  "targets.amount_invalid": {
    severity: "error",
    vi: 'Chỉ tiêu vốn "{key}" = {value} không hợp lệ: nhập số triệu đồng không âm, tối đa 3 chữ số thập phân, ví dụ 2.526.400 hoặc 437,1.',
    en: 'Capital target "{key}" = {value} is not valid: type million VND, not negative, at most 3 decimals, e.g. 2.526.400 or 437,1.',
  },
  "targets.header_not_found": {
    severity: "error",
    vi: 'Không tìm thấy dòng tiêu đề có ô "Mã đơn vị" trong 20 dòng đầu của trang "{sheet}". Hãy giữ nguyên dòng tiêu đề.',
    en: 'No header row with a cell "Mã đơn vị" in the first 20 rows of sheet "{sheet}". Keep the header row.',
  },
  "targets.unit_missing": {
    severity: "error",
    vi: 'Dòng này có chỉ tiêu nhưng thiếu mã đơn vị. Hãy nhập mã ở cột "Mã đơn vị".',
    en: 'This row has targets but no unit code. Type the code in column "Mã đơn vị".',
  },
  "targets.unit_unknown": {
    severity: "error",
    vi: "Đơn vị {unit} không có trong cấu hình năm {year}. Hãy sửa mã đơn vị hoặc xóa dòng.",
    en: "Unit {unit} is not a unit of the {year} setup. Fix the unit code or delete the row.",
  },
  "targets.unit_code_invalid": {
    severity: "error",
    vi: "Mã đơn vị {value} không hợp lệ. Mã đơn vị gồm các chữ số, ví dụ 178 hoặc 06148.",
    en: "Unit code {value} is not valid. A unit code is digits, e.g. 178 or 06148.",
  },
  "targets.unit_duplicate": {
    severity: "error",
    vi: "Đơn vị {unit} được ghi hai lần (đã có ở dòng {first}). Mỗi đơn vị một dòng.",
    en: "Unit {unit} is listed twice (already on row {first}). One row per unit.",
  },
} as const satisfies Record<string, Entry>;

export type TargetsIssueCode = keyof typeof MESSAGES;

/** The catalogue in the one catalogue shape (severity aside). */
export const TARGETS_TEXTS: Catalogue<TargetsIssueCode> = MESSAGES;

export type TargetsPlace = { sheet?: string | null; cell?: string | null; row?: number | null };

/** An issue of the targets catalogue; a missing argument shows as empty text. */
export function targetsIssue(code: TargetsIssueCode, place: TargetsPlace, args: Readonly<Record<string, string | number>> = {}): Issue {
  const entry = MESSAGES[code];
  const params: Record<string, string | number> = {};
  for (const name of placeholders(entry.vi + entry.en)) params[name] = args[name] ?? "";
  return {
    code,
    severity: entry.severity,
    sheet: place.sheet ?? null,
    cell: place.cell ?? null,
    row: place.row ?? null,
    commune: null,
    message: fill(entry.vi, params),
    messageEn: fill(entry.en, params),
  };
}
