/**
 * The 2027 demo setup of Lạng Sơn (docs/setup.md): the province after the two-tier reform of
 * 1 July 2025, each of its 61 xã (Resolution 1672/NQ-UBTVQH15; the 4 phường are not NTM units)
 * reporting for itself under the 2026-2030 set (QĐ 51/2025/QĐ-TTg) with commune groups 1/2/3.
 *
 * What is real and what is invented:
 * - The 61 names are the resolution's, in its order. The former district of each (the resolution
 *   lists the new communes district by district) decides `Xã biên giới`: true for the communes of
 *   the five former border districts Tràng Định, Văn Lãng, Cao Lộc, Lộc Bình, Đình Lập (27
 *   communes), false for the others (34).
 * - THE CODES ARE INVENTED. The official 5-digit codes come from the national code list, which a
 *   province types in its setup. Here each new commune takes the code of the first of its former
 *   communes (as the national list does for many merged communes), and its former communes are the
 *   2018 demo communes of its former district (cli/demo/plan-2018.ts, themselves invented), split
 *   in order and as evenly as possible over the district's new communes (194 former codes in
 *   all). Seven new communes are each a merger of two (2024) communes: Đình Lập's 10 former
 *   communes make 3, 3, 2, 2 (Châu Sơn, Kiên Mộc), Bình Gia's 19 make 3, 3, 3, 2, 2, 2, 2, 2.
 *   Cao Lộc's and the city's remaining communes went to the four wards, which are not listed.
 * - The groups are a plausible choice, not the province's decision: nhóm 1 (next to an urban area
 *   and oriented to become urban) for Cao Lộc and Đồng Đăng (next to Lạng Sơn city and the Đồng
 *   Đăng border-gate urban area), Hữu Lũng and Chi Lăng (former district towns); nhóm 2 for the
 *   former district centres of Bình Gia, Bắc Sơn, Văn Quan and the lowland communes of Hữu Lũng and
 *   Chi Lăng; nhóm 3 (area II/III ethnic-minority and mountain communes) for every other commune,
 *   among them every other commune of the border districts and Hữu Liên.
 */
import { join } from "node:path";
import { buildSetupWorkbook } from "../../shared/setup/build-workbook.ts";
import { SET_2026_2030 } from "../../shared/setup/criteria-sets.ts";
import { DEFAULT_CAPITAL_ROWS } from "../../shared/setup/defaults.ts";
import type { CommuneGroup, Setup, SetupCommune } from "../../shared/setup/types.ts";
import { buildPlan2018 } from "./plan-2018.ts";
import { writeWorkbookFile } from "../xlsx/write-workbook.ts";

export const SETUP_DEMO_YEAR = 2027;
export const BORDER_COMMUNE_ATTRIBUTE = "Xã biên giới";
export const SETUP_DEMO_FILE = "thiet-lap-2027.xlsx";

/** The note written on sheet `Năm` of the demo workbook. */
export const INVENTED_CODES_NOTE =
  "Dữ liệu mẫu: mã xã và mã xã cũ là mã giả định, không phải mã trong danh mục hành chính quốc gia; " +
  "nhóm xã là một cách chia hợp lý, không phải quyết định của tỉnh.";

type Former = { district: string; border: boolean; communes: readonly [name: string, group: CommuneGroup][] };

/** The 61 xã by former district (code of 2018), in the resolution's order. */
const BY_DISTRICT: readonly Former[] = [
  {
    district: "180",
    border: true,
    communes: [
      ["Thất Khê", 3],
      ["Đoàn Kết", 3],
      ["Tân Tiến", 3],
      ["Tràng Định", 3],
      ["Quốc Khánh", 3],
      ["Kháng Chiến", 3],
      ["Quốc Việt", 3],
    ],
  },
  {
    district: "181",
    border: false,
    communes: [
      ["Bình Gia", 2],
      ["Tân Văn", 3],
      ["Hồng Phong", 3],
      ["Hoa Thám", 3],
      ["Quý Hòa", 3],
      ["Thiện Hòa", 3],
      ["Thiện Thuật", 3],
      ["Thiện Long", 3],
    ],
  },
  {
    district: "185",
    border: false,
    communes: [
      ["Bắc Sơn", 2],
      ["Hưng Vũ", 3],
      ["Vũ Lăng", 3],
      ["Nhất Hòa", 3],
      ["Vũ Lễ", 3],
      ["Tân Tri", 3],
    ],
  },
  {
    district: "184",
    border: false,
    communes: [
      ["Văn Quan", 2],
      ["Điềm He", 3],
      ["Yên Phúc", 3],
      ["Tri Lễ", 3],
      ["Tân Đoàn", 3],
      ["Khánh Khê", 3],
    ],
  },
  {
    district: "182",
    border: true,
    communes: [
      ["Na Sầm", 3],
      ["Hoàng Văn Thụ", 3],
      ["Thụy Hùng", 3],
      ["Văn Lãng", 3],
      ["Hội Hoan", 3],
    ],
  },
  {
    district: "188",
    border: true,
    communes: [
      ["Lộc Bình", 3],
      ["Mẫu Sơn", 3],
      ["Na Dương", 3],
      ["Lợi Bác", 3],
      ["Thống Nhất", 3],
      ["Xuân Dương", 3],
      ["Khuất Xá", 3],
    ],
  },
  {
    district: "189",
    border: true,
    communes: [
      ["Đình Lập", 3],
      ["Thái Bình", 3],
      ["Châu Sơn", 3],
      ["Kiên Mộc", 3],
    ],
  },
  {
    district: "186",
    border: false,
    communes: [
      ["Hữu Lũng", 1],
      ["Tuấn Sơn", 2],
      ["Tân Thành", 2],
      ["Vân Nham", 2],
      ["Thiện Tân", 2],
      ["Yên Bình", 2],
      ["Hữu Liên", 3],
      ["Cai Kinh", 2],
    ],
  },
  {
    district: "187",
    border: false,
    communes: [
      ["Chi Lăng", 1],
      ["Quan Sơn", 2],
      ["Chiến Thắng", 2],
      ["Nhân Lý", 2],
      ["Bằng Mạc", 2],
      ["Vạn Linh", 2],
    ],
  },
  {
    district: "183",
    border: true,
    communes: [
      ["Đồng Đăng", 1],
      ["Cao Lộc", 1],
      ["Công Sơn", 3],
      ["Ba Sơn", 3],
    ],
  },
];

/** Former commune codes of Cao Lộc given to its 4 communes (the rest went to the wards). */
const CAO_LOC_FORMER = 12;

/** `codes` split in order into `n` runs, as even as possible, the longer runs first. */
function split<T>(codes: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const size = Math.floor(codes.length / n) + (i < codes.length % n ? 1 : 0);
    out.push(codes.slice(at, at + size));
    at += size;
  }
  return out;
}

/** The names of the 61 xã in the resolution's order (as docs/setup.md lists them). */
export const XA_2025 = [
  ...["Thất Khê", "Đoàn Kết", "Tân Tiến", "Tràng Định", "Quốc Khánh", "Kháng Chiến", "Quốc Việt"],
  ...["Bình Gia", "Tân Văn", "Hồng Phong", "Hoa Thám", "Quý Hòa", "Thiện Hòa", "Thiện Thuật", "Thiện Long"],
  ...["Bắc Sơn", "Hưng Vũ", "Vũ Lăng", "Nhất Hòa", "Vũ Lễ", "Tân Tri"],
  ...["Văn Quan", "Điềm He", "Yên Phúc", "Tri Lễ", "Tân Đoàn", "Khánh Khê"],
  ...["Na Sầm", "Hoàng Văn Thụ", "Thụy Hùng", "Văn Lãng", "Hội Hoan"],
  ...["Lộc Bình", "Mẫu Sơn", "Na Dương", "Lợi Bác", "Thống Nhất", "Xuân Dương", "Khuất Xá"],
  ...["Đình Lập", "Thái Bình", "Châu Sơn", "Kiên Mộc"],
  ...["Hữu Lũng", "Tuấn Sơn", "Tân Thành", "Vân Nham", "Thiện Tân", "Yên Bình", "Hữu Liên", "Cai Kinh"],
  ...["Chi Lăng", "Quan Sơn", "Chiến Thắng", "Nhân Lý", "Bằng Mạc", "Vạn Linh"],
  ...["Đồng Đăng", "Cao Lộc", "Công Sơn", "Ba Sơn"],
] as const;

/** The 2027 setup: 61 units, each one commune of the same (invented) code, in the resolution's order. */
export function setup2027(): Setup {
  const formerByDistrict = new Map(buildPlan2018().map((s) => [s.district, s.communes.map((c) => c.code)]));
  const byName = new Map<string, SetupCommune>();
  for (const d of BY_DISTRICT) {
    const all = formerByDistrict.get(d.district) ?? [];
    const runs = split(d.district === "183" ? all.slice(0, CAO_LOC_FORMER) : all, d.communes.length);
    d.communes.forEach(([name, group], i) => {
      const formerCodes = runs[i]!;
      byName.set(name, {
        code: formerCodes[0]!,
        name,
        unit: formerCodes[0]!,
        group,
        attributes: { [BORDER_COMMUNE_ATTRIBUTE]: d.border },
        formerCodes,
      });
    });
  }
  const communes = XA_2025.map((name) => byName.get(name)!);
  return {
    year: SETUP_DEMO_YEAR,
    criteriaSet: SET_2026_2030,
    level: "xã",
    units: communes.map((c) => ({ code: c.code, name: `Xã ${c.name}`, attributes: {} })),
    communes,
    planFlags: ["Phấn đấu đạt chuẩn NTM nâng cao"],
    capitalRows: DEFAULT_CAPITAL_ROWS,
    deadlines: { plan: "2027-03-31", result: "2027-12-31" },
    origin: "applied",
  };
}

/** Writes `thiet-lap-2027.xlsx` into `dir`; returns its path. */
export async function writeSetup2027(dir: string): Promise<string> {
  const file = join(dir, SETUP_DEMO_FILE);
  await writeWorkbookFile(buildSetupWorkbook(SETUP_DEMO_YEAR, setup2027(), { notes: [INVENTED_CODES_NOTE] }), file);
  return file;
}
