import type { Issue, Severity } from "../result.ts";
import type { Catalogue, Lang, Texts } from "../text/catalogue.ts";
import type { LegacyEncoding } from "../text/legacy-encoding.ts";
import { conversionHint } from "../text/legacy-encoding.ts";
import { placeholders } from "../text/placeholders.ts";

/**
 * The catalogue of template issues: stable codes (never renamed: clients, the server's 422 body and
 * tests depend on them), default severity, and the Vietnamese (first, saying what to type instead)
 * and English texts with `{name}` placeholders, filled from the issue's arguments by `makeIssue`.
 *
 * | code | sev | where |
 * |---|---|---|
 * | sheet.missing | E | a required sheet (`Thông tin`, `Tiêu chí`, `Nguồn vốn`) is absent |
 * | sheet.duplicate | W | two sheets have the same name after matching; the first is read |
 * | info.missing_key | E | a required key of `Thông tin` is absent or its value empty |
 * | info.district_invalid | E | `Mã huyện` is not exactly 3 digits (a number cell is padded: 83 → 083) |
 * | info.district_unknown | E | `Mã huyện` is not in the reference data |
 * | info.district_name_mismatch | W | `Tên huyện` differs from the name of `Mã huyện` |
 * | info.year_invalid | E | `Năm kế hoạch` is not a year in 2000-2100 |
 * | info.date_invalid | W | `Ngày lập` is neither a date serial nor dd/mm/yyyy |
 * | info.version_unsupported | E | `Phiên bản biểu mẫu` is not NTM-1 (nor NTM-2 where the setup reader runs) |
 * | info.version_not_for_setup | E | an NTM-1 template for a year whose setup NTM-1 cannot express (level xã, not 19 criteria) |
 * | info.unit_invalid | E | `Mã đơn vị` is not 3 digits (level huyện) or 5 digits (level xã) |
 * | info.unit_unknown | E | `Mã đơn vị` is not a unit of the year's setup |
 * | info.unit_name_mismatch | W | `Tên đơn vị` differs from the setup's name of the unit |
 * | info.year_mismatch | E | `Năm kế hoạch` is not the year of the setup used |
 * | info.criteria_set_mismatch | E | `Bộ tiêu chí` is not the set of the year's setup |
 * | header.not_found | E | no `Mã xã` header cell in the first 20 rows of `Tiêu chí` |
 * | header.column_missing | E | the `Tên xã` column is absent |
 * | header.criterion_missing | E | criterion k has no column |
 * | header.criterion_duplicate | E | criterion k has two columns |
 * | header.criterion_unknown | E | a criterion label with a number outside the criteria set |
 * | header.subcolumn_missing | E | HT or KH absent under a criterion label |
 * | commune.code_missing | E | a data row without `Mã xã` |
 * | commune.code_invalid | E | `Mã xã` is not exactly 5 digits (a number cell is padded: 6199 → 06199) |
 * | commune.code_duplicate | E | the same `Mã xã` twice in the workbook |
 * | commune.name_missing | E | a data row without `Tên xã` (or only spaces, zero-width or control characters) |
 * | commune.after_total | E | a row with a `Mã xã` below the end of the table |
 * | commune.none | E | no commune row at all |
 * | commune.owned_elsewhere | E | (server) the code was submitted by another district this year |
 * | commune.group_invalid | E | a `Nhóm xã` cell that is not 1, 2 or 3 |
 * | commune.unknown | E | (registered list) not a commune of this unit this year |
 * | commune.name_mismatch | W | (registered list) `Tên xã` differs from the list |
 * | commune.missing | W | (registered list) a listed commune of the unit absent from the template |
 * | commune.attribute_mismatch | W | (registered list) a fixed attribute or the group typed differently: the list wins |
 * | criterion.invalid_value | E | an HT/KH cell that is not an accepted yes/no value |
 * | criterion.number_unknown | E | (typed submission) a criterion number outside the set |
 * | criterion.number_duplicate | E | (typed submission) a criterion number listed twice |
 * | flag.invalid_value | E | a flag cell that is not an accepted yes/no value |
 * | flag.border_not_border_district | W | `Xã biên giới` set in a non-border district |
 * | text.legacy_encoding | E | text typed in TCVN3 or VNI |
 * | text.too_long | E | a name or text longer than the system keeps |
 * | plan.new_only | E | KH looks like new achievements only (per commune) |
 * | plan.regression | W | HT achieved, KH not (per cell) |
 * | plan.target_incomplete | W | NTM target commune with KH under all criteria |
 * | plan.under_five | W | KH total under 5 |
 * | plan.target_already_met | W | HT already all criteria and the target flag set |
 * | plan.district_difficult_missing | W | district-chosen commune without 10, 11, 14, 15, 18 in KH |
 * | capital.header_not_found | E | no `Nguồn vốn` header cell in the first 20 rows |
 * | capital.amount_column_missing | E | no column label starting with `Kế hoạch` |
 * | capital.unit_unknown | E | the amount label names a unit other than triệu / tỷ đồng |
 * | capital.stt_label_conflict | E | STT and label name two different sources |
 * | capital.row_duplicate | E | the same source on two rows |
 * | capital.unknown_row | W | a non-blank row that is no known source; not counted |
 * | capital.row_missing | W | a source row is absent; counted as 0 |
 * | capital.amount_invalid | E | an amount that is not a number |
 * | capital.amount_negative | E | a negative amount |
 * | capital.amount_too_large | E | a source line above 100,000,000 million VND (shared/money.ts) |
 * | capital.amount_too_precise | E | more than 3 decimals |
 * | capital.amount_ambiguous | E | text like `35,000` |
 * | capital.subtotal_mismatch | E | subtotal 1 differs from 1.1 + 1.2 |
 * | capital.total_mismatch | E | `Tổng cộng` differs from the sum of the sources |
 * | capital.row_sum_mismatch | E | (NTM-2) a row with sub-rows differs from their sum |
 * | capital.key_unknown | E | (typed submission) a capital item that is not a leaf row of the setup |
 * | result.plan_changed | W | (server) a result's HT or KH differs from the unit's plan (accepted, else latest), per cell |
 * | result.no_plan | W | (server) a result of a unit with no stored plan of the year |
 * | result.kind_invalid | E | `Loại biểu` is neither `Kết quả thực hiện` nor `Kế hoạch` |
 * | result.disbursed_column_missing | E | a result template without a `Thực hiện` column in `Nguồn vốn` |
 * | result.criterion_lost | W | (result) a criterion achieved in HT is not achieved in TH |
 * | result.disbursed_over_plan | W | (result) a capital row disbursed more than planned |
 */
export type MessageArgs = Record<string, string | number | null | undefined>;

/** A catalogue entry (shared/text/catalogue.ts) with the issue's default severity beside its texts. */
type Entry = Texts & { readonly severity: Severity };

export const MESSAGES = {
  "sheet.missing": {
    severity: "error",
    vi: `Thiếu trang tính "{sheet}". Hãy dùng biểu mẫu chuẩn NTM-1 và giữ nguyên tên trang "{sheet}".`,
    en: `Sheet "{sheet}" is missing. Use the standard NTM-1 template and keep the sheet name "{sheet}".`,
  },
  "sheet.duplicate": {
    severity: "warning",
    vi: `Có nhiều trang tính tên "{sheet}"; chỉ đọc trang đầu tiên. Hãy xóa hoặc đổi tên trang thừa.`,
    en: `Several sheets are named "{sheet}"; only the first is read. Delete or rename the extra sheet.`,
  },
  "info.missing_key": {
    severity: "error",
    vi: `Thiếu "{key}". Hãy ghi "{key}" ở cột A và giá trị ở cột B bên cạnh.`,
    en: `"{key}" is missing. Type the key "{key}" in column A and its value in column B next to it.`,
  },
  "info.district_invalid": {
    severity: "error",
    vi: `Mã huyện {value} không hợp lệ. Mã huyện gồm đúng 3 chữ số, ví dụ 183.`,
    en: `District code {value} is not valid. A district code has exactly 3 digits, e.g. 183.`,
  },
  "info.district_unknown": {
    severity: "error",
    vi: `Mã huyện "{value}" không có trong danh mục. Hãy nhập đúng mã huyện (ví dụ 183 - Huyện Cao Lộc).`,
    en: `District code "{value}" is not in the reference data. Type a valid district code (e.g. 183 - Huyện Cao Lộc).`,
  },
  "info.district_name_mismatch": {
    severity: "warning",
    vi: `Tên huyện "{value}" không khớp với mã {code} ("{expected}"). Hãy kiểm tra lại mã huyện hoặc ghi "{expected}".`,
    en: `District name "{value}" does not match code {code} ("{expected}"). Check the code or type "{expected}".`,
  },
  "info.year_invalid": {
    severity: "error",
    vi: `Năm kế hoạch {value} không hợp lệ. Hãy nhập năm bằng 4 chữ số, ví dụ 2018.`,
    en: `Plan year {value} is not valid. Type a four-digit year, e.g. 2018.`,
  },
  "info.date_invalid": {
    severity: "warning",
    vi: `Ngày lập {value} không đọc được và bị bỏ qua. Hãy nhập ngày dạng dd/mm/yyyy, ví dụ 28/02/2018.`,
    en: `Date {value} cannot be read and is ignored. Type the date as dd/mm/yyyy, e.g. 28/02/2018.`,
  },
  "info.version_unsupported": {
    severity: "error",
    vi: `Phiên bản biểu mẫu {value} không được hỗ trợ. Hãy dùng biểu mẫu {expected} do hệ thống tạo (giữ nguyên ô này; để trống nghĩa là NTM-1).`,
    en: `Template version {value} is not supported. Use a template {expected} as the system generates it (keep this cell; empty means NTM-1).`,
  },
  "info.version_not_for_setup": {
    severity: "error",
    vi: `Biểu mẫu NTM-1 chỉ dùng cho đơn vị cấp huyện với bộ 19 tiêu chí, nhưng năm {year} báo cáo theo cấp {level} với bộ tiêu chí {set} ({size} tiêu chí). Hãy tạo biểu mẫu NTM-2 của năm {year} và nhập lại số liệu.`,
    en: `Template NTM-1 only serves district units with a 19-criteria set, but {year} reports at level {level} with criteria set {set} ({size} criteria). Generate the NTM-2 template of {year} and enter the data again.`,
  },
  "info.unit_invalid": {
    severity: "error",
    vi: `Mã đơn vị {value} không hợp lệ. Năm {year} báo cáo theo cấp {level}: mã đơn vị gồm đúng {digits} chữ số, ví dụ {example}.`,
    en: `Unit code {value} is not valid. In {year} units report at level {level}: a unit code has exactly {digits} digits, e.g. {example}.`,
  },
  "info.unit_unknown": {
    severity: "error",
    vi: `Mã đơn vị "{value}" không phải đơn vị báo cáo của năm {year}. Hãy kiểm tra lại mã, hoặc tạo lại biểu mẫu cho đơn vị mình từ cấu hình năm {year}.`,
    en: `Unit code "{value}" is not a reporting unit of {year}. Check the code, or generate your unit's template again from the {year} setup.`,
  },
  "info.unit_name_mismatch": {
    severity: "warning",
    vi: `Tên đơn vị "{value}" không khớp với mã {code} ("{expected}"). Hãy kiểm tra lại mã đơn vị hoặc ghi "{expected}".`,
    en: `Unit name "{value}" does not match code {code} ("{expected}"). Check the code or type "{expected}".`,
  },
  "info.year_mismatch": {
    severity: "error",
    vi: `Biểu mẫu ghi năm kế hoạch {value} nhưng cấu hình dùng để kiểm tra là của năm {year}. Hãy kiểm tra bằng cấu hình năm {value}, hoặc dùng biểu mẫu của năm {year}.`,
    en: `The template says plan year {value} but the setup used to check it is for {year}. Check it with the setup of {value}, or use the template of {year}.`,
  },
  "info.criteria_set_mismatch": {
    severity: "error",
    vi: `Biểu mẫu được tạo cho bộ tiêu chí {value} nhưng năm {year} dùng bộ tiêu chí {expected}. Hãy tạo lại biểu mẫu từ cấu hình năm {year}.`,
    en: `The template was made for criteria set {value} but {year} uses criteria set {expected}. Generate the template again from the setup of {year}.`,
  },
  "header.not_found": {
    severity: "error",
    vi: `Không tìm thấy dòng tiêu đề có ô "{label}" trong 20 dòng đầu của trang "{sheet}". Hãy giữ nguyên dòng tiêu đề của biểu mẫu.`,
    en: `No header row with a cell "{label}" in the first 20 rows of sheet "{sheet}". Keep the template's header row.`,
  },
  "header.column_missing": {
    severity: "error",
    vi: `Thiếu cột "{label}" ở dòng tiêu đề. Hãy thêm lại cột "{label}".`,
    en: `Column "{label}" is missing from the header. Add the column "{label}" back.`,
  },
  "header.criterion_missing": {
    severity: "error",
    vi: `Thiếu cột của tiêu chí {number}. Hãy thêm lại cột "TC{number}" với hai cột con HT và KH.`,
    en: `Criterion {number} has no column. Add the column "TC{number}" back with its HT and KH sub-columns.`,
  },
  "header.criterion_duplicate": {
    severity: "error",
    vi: `Tiêu chí {number} xuất hiện hai lần (đã có ở ô {first}). Hãy xóa cột thừa.`,
    en: `Criterion {number} appears twice (already at {first}). Delete the extra column.`,
  },
  "header.criterion_unknown": {
    severity: "error",
    vi: `Cột "{label}" ghi tiêu chí {number}, không có trong bộ tiêu chí (1-{max}). Hãy sửa tiêu đề hoặc xóa cột.`,
    en: `Column "{label}" names criterion {number}, which is not in the criteria set (1-{max}). Fix the label or delete the column.`,
  },
  "header.subcolumn_missing": {
    severity: "error",
    vi: `Tiêu chí {number} thiếu cột con "{sub}". Hãy ghi "HT" và "KH" ở dòng dưới tiêu đề tiêu chí.`,
    en: `Criterion {number} lacks the sub-column "{sub}". Type "HT" and "KH" in the row under the criterion label.`,
  },
  "commune.code_missing": {
    severity: "error",
    vi: `Dòng này có dữ liệu nhưng thiếu Mã xã. Hãy nhập Mã xã (5 chữ số, ví dụ 06148).`,
    en: `This row has data but no commune code. Type the commune code (5 digits, e.g. 06148).`,
  },
  "commune.code_invalid": {
    severity: "error",
    vi: `Mã xã {value} không hợp lệ. Mã xã gồm đúng 5 chữ số, ví dụ 06148.`,
    en: `Commune code {value} is not valid. A commune code has exactly 5 digits, e.g. 06148.`,
  },
  "commune.code_duplicate": {
    severity: "error",
    vi: `Mã xã {code} bị trùng (đã có ở dòng {firstRow}). Mỗi xã chỉ ghi một dòng; hãy sửa mã hoặc xóa dòng trùng.`,
    en: `Commune code {code} is repeated (already on row {firstRow}). One row per commune: fix the code or delete the duplicate row.`,
  },
  "commune.name_missing": {
    severity: "error",
    vi: `Xã {code} thiếu Tên xã. Hãy nhập tên xã, ví dụ "Hoàng Đồng".`,
    en: `Commune {code} has no name. Type the commune name, e.g. "Hoàng Đồng".`,
  },
  "commune.after_total": {
    severity: "error",
    vi: `Xã {code} nằm dưới dòng kết thúc bảng (dòng {endRow}) nên sẽ bị bỏ sót. Hãy chuyển dòng này lên trên dòng "Tổng cộng".`,
    en: `Commune {code} is below the end of the table (row {endRow}) and would be lost. Move this row above the "Tổng cộng" row.`,
  },
  "commune.none": {
    severity: "error",
    vi: `Chưa có xã nào. Hãy nhập mỗi xã một dòng (Mã xã, Tên xã, HT và KH của từng tiêu chí).`,
    en: `No commune found. Type one row per commune (code, name, HT and KH of each criterion).`,
  },
  "commune.owned_elsewhere": {
    severity: "error",
    vi: `Mã xã {code} đã được huyện {district} nộp cho năm {year}. Mỗi xã thuộc một huyện; hãy kiểm tra lại Mã xã.`,
    en: `Commune code {code} was already submitted by district {district} for {year}. A commune belongs to one district: check the code.`,
  },
  "commune.group_invalid": {
    severity: "error",
    vi: `Nhóm xã {value} không hợp lệ. Hãy ghi 1, 2 hoặc 3 (nhóm 1, nhóm 2, nhóm 3), hoặc để trống.`,
    en: `Commune group {value} is not valid. Type 1, 2 or 3 (group 1, 2 or 3), or leave it empty.`,
  },
  "commune.unknown": {
    severity: "error",
    vi: `Xã {code} không có trong danh sách xã của đơn vị {unit} năm {year}{owner}. Hãy kiểm tra lại Mã xã, hoặc xóa dòng nếu xã không thuộc đơn vị.`,
    en: `Commune {code} is not in the commune list of unit {unit} for {year}{owner}. Check the commune code, or delete the row if the commune is not part of the unit.`,
  },
  "commune.name_mismatch": {
    severity: "warning",
    vi: `Xã {code} ghi tên "{value}" nhưng danh sách xã của năm ghi "{expected}". Hệ thống dùng tên trong danh sách; hãy sửa nếu ghi nhầm mã.`,
    en: `Commune {code} is named "{value}" but the year's commune list says "{expected}". The list's name is used; fix the code if it is wrong.`,
  },
  "commune.missing": {
    severity: "warning",
    vi: `Xã {code} ({name}) có trong danh sách xã của đơn vị {unit} năm {year} nhưng không có trong biểu mẫu. Hãy thêm một dòng cho xã này.`,
    en: `Commune {code} ({name}) is in the commune list of unit {unit} for {year} but not in the template. Add a row for it.`,
  },
  "commune.attribute_mismatch": {
    severity: "warning",
    vi: `Xã {code}: cột "{label}" ghi {value} nhưng danh sách xã của năm ghi {expected}. Hệ thống dùng giá trị trong danh sách.`,
    en: `Commune {code}: column "{label}" says {value} but the year's commune list says {expected}. The list's value is used.`,
  },
  "criterion.invalid_value": {
    severity: "error",
    vi: `Giá trị {value} ở tiêu chí {number} ({sub}) không hợp lệ. Hãy chọn "Đạt" hoặc "Chưa đạt" (hoặc để trống).`,
    en: `Value {value} for criterion {number} ({sub}) is not valid. Choose "Đạt" (achieved) or "Chưa đạt" (not achieved), or leave it empty.`,
  },
  "criterion.number_unknown": {
    severity: "error",
    vi: `Tiêu chí số {number} không có trong bộ tiêu chí (1-{max}).`,
    en: `Criterion {number} is not in the criteria set (1-{max}).`,
  },
  "criterion.number_duplicate": {
    severity: "error",
    vi: `Tiêu chí số {number} được ghi hai lần ({sub}).`,
    en: `Criterion {number} is listed twice ({sub}).`,
  },
  "flag.invalid_value": {
    severity: "error",
    vi: `Giá trị {value} ở cột "{label}" không hợp lệ. Hãy ghi "x" nếu có, để trống nếu không.`,
    en: `Value {value} in column "{label}" is not valid. Type "x" for yes, leave it empty for no.`,
  },
  "flag.border_not_border_district": {
    severity: "warning",
    vi: `Xã {code} được đánh dấu "Xã biên giới" nhưng {district} không phải huyện biên giới. Hãy kiểm tra lại (xóa "x" nếu nhầm).`,
    en: `Commune {code} is flagged as a border commune but {district} is not a border district. Check it (remove the "x" if it is a mistake).`,
  },
  "text.legacy_encoding": {
    severity: "error",
    vi: `Chữ {value} có vẻ được gõ bằng bảng mã cũ {encoding}, không phải Unicode. Hãy chuyển sang Unicode bằng Unikey: "Công cụ chuyển mã" (Chuyển mã), nguồn {from}, đích Unicode; rồi dán lại.`,
    en: `Text {value} appears to be typed in the legacy {encoding} encoding, not Unicode. Convert it with Unikey's "Chuyển mã" (conversion) tool from {from} to Unicode, then paste it back.`,
  },
  "text.too_long": {
    severity: "error",
    vi: `Nội dung quá dài (hơn {max} ký tự). Hãy rút gọn.`,
    en: `Text is too long (more than {max} characters). Shorten it.`,
  },
  "plan.new_only": {
    severity: "error",
    vi: `Xã {code}: {missing}/{achieved} tiêu chí đã đạt ở HT lại để trống ở KH. KH là lũy kế: ghi "Đạt" cho mọi tiêu chí sẽ đạt đến 31/12 năm kế hoạch, kể cả tiêu chí đã đạt từ trước.`,
    en: `Commune {code}: {missing} of {achieved} criteria achieved in HT are not achieved in KH. KH is cumulative: mark "Đạt" for every criterion achieved by 31 December of the plan year, including those already achieved.`,
  },
  "plan.regression": {
    severity: "warning",
    vi: `Xã {code}: tiêu chí {number} đã đạt (HT) nhưng KH ghi chưa đạt. Nếu xã giữ được tiêu chí, hãy ghi "Đạt" ở KH.`,
    en: `Commune {code}: criterion {number} is achieved (HT) but not in KH. If the commune keeps it, mark "Đạt" in KH.`,
  },
  "plan.target_incomplete": {
    severity: "warning",
    vi: `Xã {code} phấn đấu đạt chuẩn NTM nhưng KH chỉ có {count}/{total} tiêu chí. Hãy kiểm tra KH hoặc bỏ đánh dấu "Phấn đấu đạt chuẩn NTM".`,
    en: `Commune {code} targets the NTM standard but KH has only {count} of {total} criteria. Check KH or remove the target flag.`,
  },
  "plan.under_five": {
    severity: "warning",
    vi: `Xã {code}: KH chỉ có {count} tiêu chí (tỉnh không để xã nào dưới 5 tiêu chí). Hãy kiểm tra lại KH.`,
    en: `Commune {code}: KH has only {count} criteria (the province plans no commune under 5). Check KH.`,
  },
  "plan.target_already_met": {
    severity: "warning",
    vi: `Xã {code} đã đạt đủ {total} tiêu chí (HT) nhưng vẫn đánh dấu "Phấn đấu đạt chuẩn NTM". Hãy bỏ đánh dấu nếu xã đã đạt chuẩn.`,
    en: `Commune {code} already meets all {total} criteria (HT) yet is flagged as an NTM target. Remove the flag if the commune is already recognised.`,
  },
  "plan.district_difficult_missing": {
    severity: "warning",
    vi: `Xã {code} là xã ĐBKK do huyện chọn nhưng KH chưa có tiêu chí {missing} (kế hoạch yêu cầu các tiêu chí 10, 11, 14, 15, 18 đến năm 2020). Hãy kiểm tra lại KH.`,
    en: `Commune {code} is the district-chosen especially-difficult commune but KH lacks criteria {missing} (the plan requires 10, 11, 14, 15 and 18 by 2020). Check KH.`,
  },
  "capital.header_not_found": {
    severity: "error",
    vi: `Không tìm thấy dòng tiêu đề có ô "Nguồn vốn" trong 20 dòng đầu. Hãy giữ nguyên dòng tiêu đề của biểu mẫu.`,
    en: `No header row with a cell "Nguồn vốn" in the first 20 rows. Keep the template's header row.`,
  },
  "capital.amount_column_missing": {
    severity: "error",
    vi: `Không tìm thấy cột số tiền (tiêu đề bắt đầu bằng "Kế hoạch"). Hãy ghi lại tiêu đề, ví dụ "Kế hoạch năm 2018 (triệu đồng)".`,
    en: `No amount column (a label starting with "Kế hoạch"). Restore the label, e.g. "Kế hoạch năm 2018 (triệu đồng)".`,
  },
  "capital.unit_unknown": {
    severity: "error",
    vi: `Đơn vị trong "{label}" không được hỗ trợ. Hãy nhập số tiền theo "triệu đồng" (hoặc "tỷ đồng") và ghi đơn vị đó trong tiêu đề.`,
    en: `The unit in "{label}" is not supported. Enter amounts in "triệu đồng" (million VND) or "tỷ đồng" (billion VND) and name that unit in the label.`,
  },
  "capital.stt_label_conflict": {
    severity: "error",
    vi: `STT {stt} là "{sttSource}" nhưng nội dung ghi "{label}". Hãy sửa STT hoặc nội dung cho khớp.`,
    en: `STT {stt} is "{sttSource}" but the label says "{label}". Make the STT and the label agree.`,
  },
  "capital.row_duplicate": {
    severity: "error",
    vi: `Nguồn vốn "{source}" được ghi hai lần (đã có ở dòng {firstRow}). Hãy gộp vào một dòng.`,
    en: `Source "{source}" appears twice (already on row {firstRow}). Merge it into one row.`,
  },
  "capital.unknown_row": {
    severity: "warning",
    vi: `Dòng {text} không phải nguồn vốn của biểu mẫu nên không được cộng. Nếu là số liệu, hãy ghi vào dòng nguồn vốn tương ứng.`,
    en: `Row {text} is not a source of the template and is not counted. If it holds an amount, put it in the matching source row.`,
  },
  "capital.row_missing": {
    severity: "warning",
    vi: `Thiếu dòng nguồn vốn {stt} "{label}", tính là 0. Hãy thêm lại dòng này nếu có vốn.`,
    en: `Source row {stt} "{label}" is missing and counted as 0. Add it back if there is an amount.`,
  },
  "capital.amount_invalid": {
    severity: "error",
    vi: `Số tiền {value} không đọc được. Hãy nhập một số (triệu đồng), ví dụ 273800,5.`,
    en: `Amount {value} cannot be read. Type a number (million VND), e.g. 273800.5.`,
  },
  "capital.amount_negative": {
    severity: "error",
    vi: `Số tiền {value} là số âm. Hãy nhập số không âm.`,
    en: `Amount {value} is negative. Type a non-negative number.`,
  },
  "capital.amount_too_large": {
    severity: "error",
    vi: `Số tiền {value} vượt mức tối đa của một dòng nguồn vốn là {max} triệu đồng. Hãy kiểm tra lại đơn vị (triệu đồng) và số chữ số.`,
    en: `Amount {value} is above the maximum of one source line, {max} million VND. Check the unit (million VND) and the number of digits.`,
  },
  "capital.amount_too_precise": {
    severity: "error",
    vi: `Số tiền {value} có quá 3 chữ số thập phân. Hãy làm tròn đến nghìn đồng (tối đa 3 chữ số sau dấu phẩy).`,
    en: `Amount {value} has more than 3 decimals. Round it to thousand VND (at most 3 decimals).`,
  },
  "capital.amount_ambiguous": {
    severity: "error",
    vi: `Số tiền {value} không rõ nghĩa (dấu phẩy là phần thập phân hay phân cách hàng nghìn?). Hãy nhập dạng số: 35000 nếu là ba mươi lăm nghìn, 35 nếu là ba mươi lăm.`,
    en: `Amount {value} is ambiguous (decimal comma or English thousands separator?). Type it as a number: 35000 for thirty-five thousand, 35 for thirty-five.`,
  },
  "capital.subtotal_mismatch": {
    severity: "error",
    vi: `Mục 1 ghi {typed} nhưng 1.1 + 1.2 = {computed} (triệu đồng). Hãy sửa cho khớp hoặc để trống ô này để hệ thống tự tính.`,
    en: `Item 1 is {typed} but 1.1 + 1.2 = {computed} (million VND). Make them agree or leave the cell empty to have it computed.`,
  },
  "capital.total_mismatch": {
    severity: "error",
    vi: `Tổng cộng ghi {typed} nhưng tổng các nguồn = {computed} (triệu đồng). Hãy sửa cho khớp hoặc để trống ô này để hệ thống tự tính.`,
    en: `The total is {typed} but the sources add up to {computed} (million VND). Make them agree or leave the cell empty to have it computed.`,
  },
  "capital.row_sum_mismatch": {
    severity: "error",
    vi: `Mục {stt} ghi {typed} nhưng {parts} = {computed} (triệu đồng). Hãy sửa cho khớp hoặc để trống ô này để hệ thống tự tính.`,
    en: `Item {stt} is {typed} but {parts} = {computed} (million VND). Make them agree or leave the cell empty to have it computed.`,
  },
  "capital.key_unknown": {
    severity: "error",
    vi: `Nguồn vốn mục {stt} không có trong danh mục nguồn vốn của năm {year}. Hãy dùng các mục của biểu mẫu năm {year}.`,
    en: `Capital item {stt} is not a source of {year}. Use the items of the {year} template.`,
  },
  "result.plan_changed": {
    severity: "warning",
    vi: `Xã {code}: {sub} của tiêu chí {number} ghi {value} nhưng kế hoạch đã nộp (bản {revision}) ghi {expected}. HT và KH lấy từ kế hoạch: hãy để như kế hoạch, hoặc đề nghị Văn phòng trả lại kế hoạch nếu cần sửa.`,
    en: `Commune {code}: {sub} of criterion {number} says {value} but the submitted plan (revision {revision}) says {expected}. HT and KH come from the plan: keep them as planned, or ask the office to return the plan if it must change.`,
  },
  "result.no_plan": {
    severity: "warning",
    vi: `Đơn vị {unit} chưa nộp kế hoạch năm {year}; kết quả thực hiện vẫn được lưu nhưng không so được với kế hoạch. Hãy nộp kế hoạch năm {year} nếu còn thiếu.`,
    en: `Unit {unit} has no plan for {year}; the result is stored but cannot be compared with a plan. Submit the {year} plan if it is missing.`,
  },
  "result.kind_invalid": {
    severity: "error",
    vi: `"Loại biểu" ghi {value}, không phải "{expected}" hay "Kế hoạch". Biểu kết quả ghi "{expected}"; biểu kế hoạch để trống hoặc ghi "Kế hoạch".`,
    en: `"Loại biểu" (template kind) says {value}, neither "{expected}" (result) nor "Kế hoạch" (plan). A result template says "{expected}"; a plan leaves it empty or says "Kế hoạch".`,
  },
  "result.disbursed_column_missing": {
    severity: "error",
    vi: `Biểu kết quả thiếu cột "Thực hiện" (vốn đã thực hiện, triệu đồng) ở trang Nguồn vốn. Hãy tạo lại biểu mẫu kết quả hoặc thêm cột có tiêu đề bắt đầu bằng "Thực hiện".`,
    en: `The result template has no "Thực hiện" (disbursed, million VND) column on Nguồn vốn. Create the result template again or add a column whose header starts with "Thực hiện".`,
  },
  "result.criterion_lost": {
    severity: "warning",
    vi: `Xã {code}: tiêu chí {number} đã đạt ở HT nhưng TH ghi chưa đạt. Nếu xã vẫn giữ được tiêu chí, hãy ghi "Đạt" ở TH (TH là lũy kế).`,
    en: `Commune {code}: criterion {number} is achieved in HT but not in TH. If the commune kept it, mark "Đạt" in TH (TH is cumulative).`,
  },
  "result.disbursed_over_plan": {
    severity: "warning",
    vi: `Mục {stt} ({label}): vốn thực hiện {disbursed} triệu đồng lớn hơn kế hoạch {planned} triệu đồng. Hãy kiểm tra lại số liệu.`,
    en: `Item {stt} ({label}): disbursed {disbursed} million VND is more than the plan of {planned} million VND. Check the figures.`,
  },
} as const satisfies Record<string, Entry>;

export type IssueCode = keyof typeof MESSAGES;

/** The issue catalogue in the one catalogue shape (severity aside). */
export const ISSUE_TEXTS: Catalogue<IssueCode> = MESSAGES;

/**
 * An entry's texts split once at their placeholders (text, name, text, ..., text), with each
 * name's English alternative `{name}En`: issues repeat by the thousand, and filling the parts
 * straight from the arguments builds no parameter object per issue.
 */
type Compiled = { vi: readonly string[]; en: readonly string[]; enNames: ReadonlyMap<string, string> };
const COMPILED = new Map<IssueCode, Compiled>();
const PLACEHOLDER = /\{(\w+)\}/g;

function split(template: string): string[] {
  const parts: string[] = [];
  let from = 0;
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(template); m !== null; m = PLACEHOLDER.exec(template)) {
    parts.push(template.slice(from, m.index), m[1]!);
    from = m.index + m[0].length;
  }
  parts.push(template.slice(from));
  return parts;
}

function compiled(code: IssueCode): Compiled {
  let c = COMPILED.get(code);
  if (c === undefined) {
    const entry: Texts = MESSAGES[code];
    const enNames = new Map<string, string>();
    for (const name of placeholders(entry.vi + entry.en)) enNames.set(name, `${name}En`);
    c = { vi: split(entry.vi), en: split(entry.en), enNames };
    COMPILED.set(code, c);
  }
  return c;
}

/**
 * The text of `code` in `lang` with every placeholder filled from `args` (a missing, null or
 * undefined argument shows as empty text); for English, an argument `{name}En` gives the English
 * form of `{name}` (numbers formatted the English way, the encoding's English name).
 */
function text(c: Compiled, lang: Lang, args: MessageArgs): string {
  const parts = lang === "en" ? c.en : c.vi;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = lang === "en" ? (args[c.enNames.get(name)!] ?? args[name]) : args[name];
    out += String(value ?? "");
    out += parts[i + 1]!;
  }
  return out;
}

export type IssuePlace = { sheet?: string | null; cell?: string | null; row?: number | null; commune?: string | null };

/** Builds an Issue from the catalogue; `severity` overrides the default where a rule says so. */
export function makeIssue(code: IssueCode, place: IssuePlace, args: MessageArgs = {}, severity?: Severity): Issue {
  const c = compiled(code);
  return {
    code,
    severity: severity ?? MESSAGES[code].severity,
    sheet: place.sheet ?? null,
    cell: place.cell ?? null,
    row: place.row ?? null,
    commune: place.commune ?? null,
    message: text(c, "vi", args),
    messageEn: text(c, "en", args),
  };
}

/** A cell value as a message shows it: `"Đạtt"`, `1.5`, `TRUE`; long text shortened. */
export function showValue(value: unknown): string {
  if (typeof value === "string") {
    const t = value.normalize("NFC").trim();
    return `"${t.length > 40 ? t.slice(0, 40) + "…" : t}"`;
  }
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "(không phải số)";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value === null || value === undefined) return `""`;
  return "(?)";
}

/** `text.legacy_encoding` for a cell whose text looks TCVN3 or VNI. */
export function legacyIssue(place: IssuePlace, value: unknown, encoding: LegacyEncoding, severity?: Severity): Issue {
  const hint = conversionHint(encoding);
  const from = encoding === "tcvn3" ? "TCVN3 (ABC)" : "VNI Windows";
  return makeIssue("text.legacy_encoding", place, { value: showValue(value), encoding: hint.vi, encodingEn: hint.en, from }, severity);
}
