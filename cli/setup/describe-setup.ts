import type { SetupResponse } from "../../shared/schemas/api/setup.ts";
import type { Setup } from "../../shared/setup/types.ts";
import { NTM_TARGET_FLAG } from "../../shared/setup/types.ts";
import { table } from "../output.ts";

/** `2027-03-31` → `31/03/2027`; null → `-`. */
function date(iso: string | null): string {
  if (iso === null) return "-";
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** The labels set to yes, comma-separated, or `-`. */
function yes(attributes: Readonly<Record<string, boolean>>): string {
  const on = Object.entries(attributes)
    .filter(([, v]) => v)
    .map(([k]) => k);
  return on.length > 0 ? on.join(", ") : "-";
}

/**
 * One line per fact of a setup (`ntm setup show`, `ntm setup validate`): set and size, bands, level,
 * units and communes (by group), plan flags, capital rows, deadlines. Vietnamese, English in
 * brackets where the word is not obvious.
 */
export function describeSetup(s: Setup): string {
  const set = s.criteriaSet;
  const lines = [
    `Bộ tiêu chí (criteria set): ${set.id} — ${set.criteria.length} tiêu chí${set.decision ? `, ${set.decision}` : ""}`,
    `Nhóm số tiêu chí (bands): ${set.bands.map((b) => b.key).join(", ")}`,
    `Cấp đơn vị báo cáo (level): ${s.level} — ${s.units.length} đơn vị (units)`,
  ];
  if (s.communes === null) lines.push("Danh sách xã (commune list): không đăng ký (none)");
  else {
    const byGroup = [1, 2, 3].map((g) => `nhóm ${g}: ${s.communes!.filter((c) => c.group === g).length}`);
    const none = s.communes.filter((c) => c.group === null).length;
    lines.push(`Danh sách xã (commune list): ${s.communes.length} xã — ${byGroup.join(", ")}${none > 0 ? `, chưa có nhóm: ${none}` : ""}`);
  }
  lines.push(
    `Cờ kế hoạch (plan flags): ${[NTM_TARGET_FLAG, ...s.planFlags].join(", ")}`,
    `Nguồn vốn (capital rows): ${s.capitalRows.length} dòng — ${s.capitalRows.map((r) => r.stt).join(", ")}`,
    `Hạn nộp (deadlines): kế hoạch ${date(s.deadlines.plan)}, kết quả ${date(s.deadlines.result)}`,
  );
  return lines.join("\n") + "\n";
}

/** The heading of `ntm setup show`: year, version and who applied it, or that it is the built-in default. */
export function describeVersion(r: SetupResponse): string {
  if (r.origin === "builtin") return `Năm kế hoạch ${r.year}: thiết lập mặc định (built-in defaults)\n`;
  return `Năm kế hoạch ${r.year}: thiết lập phiên bản ${r.version}, áp dụng ${r.appliedAt} bởi ${r.appliedBy} (applied setup)\n`;
}

/** The units as a table: code, name, communes in the list, attributes set to yes. */
export function unitsTable(s: Setup): string {
  const count = new Map<string, number>();
  for (const c of s.communes ?? []) count.set(c.unit, (count.get(c.unit) ?? 0) + 1);
  return table(
    ["mã", "tên đơn vị", "số xã", "thuộc tính"],
    s.units.map((u) => [u.code, u.name, s.communes === null ? null : (count.get(u.code) ?? 0), yes(u.attributes)]),
  );
}
