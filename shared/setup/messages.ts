import type { Issue, Severity } from "../result.ts";
import type { Catalogue } from "../text/catalogue.ts";
import { fill } from "../text/catalogue.ts";
import { placeholders } from "../text/placeholders.ts";

/**
 * The issues of a plan year's setup (docs/setup.md): the `Thiết lập` workbook as read
 * (read-workbook.ts) and the setup's rules (check-setup.ts). Stable codes (the server's 422 body,
 * the CLI and tests depend on them), default severity, Vietnamese first (saying what to do), English.
 */
type Entry = { severity: Severity; vi: string; en: string };

const MESSAGES = {
  "setup.shape_invalid": {
    severity: "error",
    vi: "Thiết lập không đúng cấu trúc ở {path}: {detail}.",
    en: "The setup does not have the expected shape at {path}: {detail}.",
  },
  "setup.year_mismatch": {
    severity: "error",
    vi: "Thiết lập ghi năm {year} nhưng đang áp dụng cho năm {expected}. Hãy sửa Năm kế hoạch cho khớp.",
    en: "The setup is for {year} but is being applied to {expected}. Make the plan year agree.",
  },
  "setup.sheet_missing": {
    severity: "error",
    vi: 'Thiếu trang "{sheet}". Hãy dùng tệp do lệnh "ntm setup template" tạo ra và giữ nguyên tên trang.',
    en: 'Sheet "{sheet}" is missing. Use the workbook "ntm setup template" writes and keep its sheet names.',
  },
  "setup.key_missing": {
    severity: "error",
    vi: 'Trang "Năm" thiếu "{key}". Hãy ghi "{key}" ở cột A và giá trị ở cột B.',
    en: 'Sheet "Năm" lacks "{key}". Type "{key}" in column A and its value in column B.',
  },
  "setup.year_invalid": {
    severity: "error",
    vi: "Năm kế hoạch {value} không hợp lệ. Hãy ghi năm có 4 chữ số, ví dụ 2027.",
    en: "Plan year {value} is not valid. Type a four-digit year, e.g. 2027.",
  },
  "setup.level_invalid": {
    severity: "error",
    vi: 'Cấp đơn vị báo cáo {value} không hợp lệ. Hãy chọn "Huyện" hoặc "Xã".',
    en: 'Reporting level {value} is not valid. Choose "Huyện" (district) or "Xã" (commune).',
  },
  "setup.date_invalid": {
    severity: "error",
    vi: '"{key}" {value} không đọc được. Hãy nhập ngày dạng dd/mm/yyyy, ví dụ 31/03/2027, hoặc để trống.',
    en: '"{key}" {value} cannot be read. Type a date as dd/mm/yyyy, e.g. 31/03/2027, or leave it empty.',
  },
  "setup.header_not_found": {
    severity: "error",
    vi: 'Không tìm thấy dòng tiêu đề có ô "{label}" trong 20 dòng đầu của trang "{sheet}". Hãy giữ nguyên dòng tiêu đề.',
    en: 'No header row with a cell "{label}" in the first 20 rows of sheet "{sheet}". Keep the header row.',
  },
  "setup.column_missing": {
    severity: "error",
    vi: 'Trang "{sheet}" thiếu cột "{label}". Hãy thêm lại cột "{label}" vào dòng tiêu đề.',
    en: 'Sheet "{sheet}" lacks the column "{label}". Add the column "{label}" back to the header row.',
  },
  "setup.column_duplicate": {
    severity: "error",
    vi: 'Cột "{label}" xuất hiện hai lần trên trang "{sheet}". Hãy xóa hoặc đổi tên cột thừa.',
    en: 'Column "{label}" appears twice on sheet "{sheet}". Delete or rename the extra column.',
  },
  "setup.text_too_long": {
    severity: "error",
    vi: "Nội dung quá dài (hơn {max} ký tự). Hãy rút gọn.",
    en: "Text is too long (more than {max} characters). Shorten it.",
  },
  "setup.number_invalid": {
    severity: "error",
    vi: "Giá trị {value} không phải số nguyên. Hãy nhập một số nguyên, ví dụ 8.",
    en: "Value {value} is not a whole number. Type a whole number, e.g. 8.",
  },
  "setup.yes_no_invalid": {
    severity: "error",
    vi: 'Giá trị {value} ở cột "{label}" không hợp lệ. Hãy ghi "x" nếu có, để trống nếu không.',
    en: 'Value {value} in column "{label}" is not valid. Type "x" for yes, leave it empty for no.',
  },
  "setup.criteria_set_unknown": {
    severity: "error",
    vi: 'Không có bộ tiêu chí "{id}". Hãy chọn 2016-2020, 2021-2025 hoặc 2026-2030, hoặc khai báo bộ tiêu chí riêng ở trang "Bộ tiêu chí".',
    en: 'There is no criteria set "{id}". Choose 2016-2020, 2021-2025 or 2026-2030, or define your own set on sheet "Bộ tiêu chí".',
  },
  "setup.criteria_set_mismatch": {
    severity: "error",
    vi: 'Bộ tiêu chí "{id}" là bộ quốc gia nhưng tiêu chí {number} khác với bộ đó. Hãy để trống trang "Bộ tiêu chí" để dùng bộ quốc gia, hoặc đặt mã khác cho bộ tiêu chí riêng.',
    en: 'Criteria set "{id}" is a national set but criterion {number} differs from it. Leave sheet "Bộ tiêu chí" empty to use the national set, or give your own set another id.',
  },
  "setup.criteria_none": {
    severity: "error",
    vi: "Bộ tiêu chí chưa có tiêu chí nào. Hãy ghi mỗi tiêu chí một dòng (Số, Tên tiêu chí, Tên tiếng Anh).",
    en: "The criteria set has no criteria. Type one row per criterion (number, name, English name).",
  },
  "setup.criteria_too_many": {
    severity: "error",
    vi: "Bộ tiêu chí có {count} tiêu chí, nhiều hơn tối đa {max}. Hãy bớt tiêu chí.",
    en: "The criteria set has {count} criteria, more than the maximum of {max}. Remove some.",
  },
  "setup.criterion_number": {
    severity: "error",
    vi: "Tiêu chí số {number} nằm ở vị trí của tiêu chí {expected}. Hãy đánh số các tiêu chí 1, 2, 3... theo thứ tự, không trùng, không bỏ số.",
    en: "Criterion number {number} is where criterion {expected} belongs. Number the criteria 1, 2, 3... in order, with no repeats or gaps.",
  },
  "setup.criterion_name_missing": {
    severity: "error",
    vi: "Tiêu chí {number} chưa có tên. Hãy ghi Tên tiêu chí.",
    en: "Criterion {number} has no name. Type its name.",
  },
  "setup.criterion_name_en_missing": {
    severity: "warning",
    vi: "Tiêu chí {number} chưa có tên tiếng Anh; báo cáo tiếng Anh sẽ dùng tên tiếng Việt.",
    en: "Criterion {number} has no English name; the English report uses the Vietnamese name.",
  },
  "setup.bands_missing": {
    severity: "error",
    vi: 'Bộ tiêu chí riêng "{id}" chưa có nhóm xã theo số tiêu chí đạt. Hãy ghi các nhóm ở trang "Nhóm số tiêu chí" (Nhãn, Từ, Đến).',
    en: 'Custom criteria set "{id}" has no bands. List them on sheet "Nhóm số tiêu chí" (label, from, to).',
  },
  "setup.band_invalid": {
    severity: "error",
    vi: 'Nhóm "{label}" từ {min} đến {max} không hợp lệ: các số phải trong khoảng 0-{size} và "Từ" không lớn hơn "Đến".',
    en: 'Band "{label}" from {min} to {max} is not valid: the numbers must be within 0-{size} and "from" not above "to".',
  },
  "setup.band_duplicate": {
    severity: "error",
    vi: 'Nhóm "{key}" được ghi hai lần. Hãy xóa dòng thừa.',
    en: 'Band "{key}" is listed twice. Delete the extra row.',
  },
  "setup.bands_overlap": {
    severity: "error",
    vi: 'Nhóm "{first}" và nhóm "{second}" chồng nhau (cùng có {from}-{to} tiêu chí). Mỗi số tiêu chí thuộc đúng một nhóm.',
    en: 'Bands "{first}" and "{second}" overlap (both hold {from}-{to} criteria). Each count must be in exactly one band.',
  },
  "setup.bands_gap": {
    severity: "error",
    vi: "Chưa có nhóm nào cho số tiêu chí {from}-{to}. Các nhóm phải phủ kín từ 0 đến {size} tiêu chí.",
    en: "No band holds {from}-{to} criteria. The bands must cover 0 to {size} criteria without gaps.",
  },
  "setup.units_none": {
    severity: "error",
    vi: 'Chưa có đơn vị báo cáo nào. Hãy ghi mỗi đơn vị một dòng ở trang "Đơn vị" (Mã đơn vị, Tên đơn vị).',
    en: 'No reporting unit. Type one row per unit on sheet "Đơn vị" (code, name).',
  },
  "setup.code_missing": {
    severity: "error",
    vi: 'Dòng này có dữ liệu nhưng thiếu mã. Hãy nhập mã ở cột "{label}".',
    en: 'This row has data but no code. Type the code in column "{label}".',
  },
  "setup.code_invalid": {
    severity: "error",
    vi: "Mã {value} không hợp lệ. Mã gồm đúng {digits} chữ số.",
    en: "Code {value} is not valid. A code has exactly {digits} digits.",
  },
  "setup.unit_code_length": {
    severity: "error",
    vi: "Mã đơn vị {code} không đúng cấp {level}: ở cấp {level} mã đơn vị gồm đúng {digits} chữ số.",
    en: "Unit code {code} does not fit level {level}: at level {level} a unit code has exactly {digits} digits.",
  },
  "setup.unit_duplicate": {
    severity: "error",
    vi: "Mã đơn vị {code} bị trùng (đã có ở dòng {firstRow}). Mỗi đơn vị chỉ ghi một dòng.",
    en: "Unit code {code} is repeated (already on row {firstRow}). One row per unit.",
  },
  "setup.unit_name_missing": {
    severity: "error",
    vi: "Đơn vị {code} chưa có tên. Hãy nhập Tên đơn vị.",
    en: "Unit {code} has no name. Type its name.",
  },
  "setup.communes_required": {
    severity: "error",
    vi: 'Ở cấp Xã phải có danh sách xã. Hãy ghi mỗi xã một dòng ở trang "Xã" (Mã xã, Tên xã, Mã đơn vị, Nhóm xã).',
    en: 'At level Xã the commune list is required. Type one row per commune on sheet "Xã" (code, name, unit, group).',
  },
  "setup.commune_code_invalid": {
    severity: "error",
    vi: "Mã xã {code} không hợp lệ. Mã xã gồm đúng 5 chữ số, ví dụ 06148.",
    en: "Commune code {code} is not valid. A commune code has exactly 5 digits, e.g. 06148.",
  },
  "setup.commune_duplicate": {
    severity: "error",
    vi: "Mã xã {code} bị trùng (đã có ở dòng {firstRow}). Mỗi xã chỉ ghi một dòng.",
    en: "Commune code {code} is repeated (already on row {firstRow}). One row per commune.",
  },
  "setup.commune_in_two_units": {
    severity: "error",
    vi: "Xã {code} được ghi ở đơn vị {unit} và cả đơn vị {other}. Mỗi xã thuộc đúng một đơn vị; hãy xóa dòng sai.",
    en: "Commune {code} is listed under unit {unit} and under unit {other}. A commune belongs to one unit: delete the wrong row.",
  },
  "setup.commune_unit_unknown": {
    severity: "error",
    vi: 'Xã {code} thuộc đơn vị {unit}, không có ở trang "Đơn vị". Hãy sửa Mã đơn vị hoặc thêm đơn vị đó.',
    en: 'Commune {code} belongs to unit {unit}, which is not on sheet "Đơn vị". Fix the unit code or add the unit.',
  },
  "setup.commune_name_missing": {
    severity: "error",
    vi: "Xã {code} chưa có tên. Hãy nhập Tên xã.",
    en: "Commune {code} has no name. Type its name.",
  },
  "setup.group_invalid": {
    severity: "error",
    vi: "Nhóm xã {value} của xã {code} không hợp lệ. Hãy chọn 1, 2 hoặc 3 (hoặc để trống).",
    en: "Commune group {value} of commune {code} is not valid. Choose 1, 2 or 3 (or leave it empty).",
  },
  "setup.former_code_invalid": {
    severity: "error",
    vi: "Mã xã cũ {value} của xã {code} không hợp lệ. Ghi các mã 5 chữ số, cách nhau bằng dấu phẩy, ví dụ 06148, 06151.",
    en: "Former code {value} of commune {code} is not valid. Type 5-digit codes separated by commas, e.g. 06148, 06151.",
  },
  "setup.unit_not_one_commune": {
    severity: "error",
    vi: "Ở cấp Xã, mỗi đơn vị là đúng một xã cùng mã; đơn vị {code} đang có {count} xã ({codes}). Hãy ghi ở trang Xã đúng một xã mã {code} với Mã đơn vị {code}.",
    en: "At level Xã each unit is exactly one commune of the same code; unit {code} has {count} communes ({codes}). On sheet Xã list exactly one commune {code} with unit {code}.",
  },
  "setup.unit_without_communes": {
    severity: "warning",
    vi: "Đơn vị {code} chưa có xã nào trong danh sách xã; biểu mẫu của đơn vị sẽ không có xã điền sẵn.",
    en: "Unit {code} has no commune in the commune list; its template will have no pre-filled communes.",
  },
  "setup.group_missing": {
    severity: "warning",
    vi: "Bộ tiêu chí {id} phân nhóm xã nhưng {count} xã chưa có Nhóm xã ({codes}). Hãy chọn nhóm 1, 2 hoặc 3.",
    en: "Criteria set {id} uses commune groups but {count} communes have none ({codes}). Choose group 1, 2 or 3.",
  },
  "setup.groups_unused": {
    severity: "warning",
    vi: "Bộ tiêu chí {id} không phân nhóm xã; cột Nhóm xã chỉ được lưu để tham khảo.",
    en: "Criteria set {id} does not use commune groups; the group column is kept for reference only.",
  },
  "setup.flag_duplicate": {
    severity: "error",
    vi: 'Cờ kế hoạch "{label}" được ghi hai lần. Hãy xóa dòng thừa.',
    en: 'Plan flag "{label}" is listed twice. Delete the extra row.',
  },
  "setup.flag_builtin": {
    severity: "warning",
    vi: 'Cờ "{label}" luôn có trong biểu mẫu, không cần ghi ở trang "Cờ kế hoạch".',
    en: 'Flag "{label}" is always in the template; it need not be listed on sheet "Cờ kế hoạch".',
  },
  "setup.label_conflict": {
    severity: "error",
    vi: 'Nhãn "{label}" vừa là thuộc tính vừa là cờ kế hoạch (hoặc trùng cột cố định). Hãy đặt tên khác cho một trong hai.',
    en: 'Label "{label}" is both an attribute and a plan flag (or a fixed column). Rename one of them.',
  },
  "setup.capital_none": {
    severity: "error",
    vi: 'Trang "Nguồn vốn" chưa có dòng nào. Hãy ghi các nguồn vốn (STT, Nguồn vốn) hoặc xóa trang để dùng danh sách mặc định.',
    en: 'Sheet "Nguồn vốn" has no rows. List the sources (STT, label) or delete the sheet to use the default list.',
  },
  "setup.capital_stt_invalid": {
    severity: "error",
    vi: "STT {stt} không hợp lệ. Hãy ghi dạng 1, 2 hoặc 1.1, 1.2.",
    en: "STT {stt} is not valid. Type it as 1, 2 or 1.1, 1.2.",
  },
  "setup.capital_stt_duplicate": {
    severity: "error",
    vi: "STT {stt} bị trùng. Mỗi nguồn vốn một STT.",
    en: "STT {stt} is repeated. One STT per source.",
  },
  "setup.capital_parent_missing": {
    severity: "error",
    vi: "Dòng {stt} không có dòng mục {parent} ở trên. Hãy thêm dòng {parent} hoặc sửa STT.",
    en: "Row {stt} has no parent row {parent}. Add row {parent} or fix the STT.",
  },
  "setup.capital_label_missing": {
    severity: "error",
    vi: "Nguồn vốn STT {stt} chưa có tên. Hãy ghi tên nguồn vốn.",
    en: "Source STT {stt} has no label. Type its label.",
  },
} as const satisfies Record<string, Entry>;

export type SetupIssueCode = keyof typeof MESSAGES;

/** The catalogue in the one catalogue shape (severity aside). */
export const SETUP_TEXTS: Catalogue<SetupIssueCode> = MESSAGES;

export type SetupPlace = { sheet?: string | null; cell?: string | null; row?: number | null; commune?: string | null };

/** An issue of the setup catalogue; a missing argument shows as empty text. */
export function setupIssue(
  code: SetupIssueCode,
  place: SetupPlace,
  args: Readonly<Record<string, string | number>> = {},
  severity?: Severity,
): Issue {
  const entry = MESSAGES[code];
  const params: Record<string, string | number> = {};
  for (const name of placeholders(entry.vi + entry.en)) params[name] = args[name] ?? "";
  return {
    code,
    severity: severity ?? entry.severity,
    sheet: place.sheet ?? null,
    cell: place.cell ?? null,
    row: place.row ?? null,
    commune: place.commune ?? null,
    message: fill(entry.vi, params),
    messageEn: fill(entry.en, params),
  };
}
