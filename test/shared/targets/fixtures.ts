import type { SheetInput } from "../../../shared/template/input.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import type { Setup } from "../../../shared/setup/types.ts";

export const SETUP_2018: Setup = builtInSetup(2018)!;

/** A sheet as Excel's `Range.values` gives it from A1 (rows padded). */
export function sheet(name: string, rows: unknown[][], address = "A1"): SheetInput {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return { name, address, values: rows.map((r) => [...r, ...Array(width - r.length).fill("")]) };
}

/** The 2018 provincial plan's stated figures (docs/domain.md) as `Chỉ tiêu tỉnh` rows, in the forms an office might type. */
export const PROVINCE_2018_ROWS: unknown[][] = [
  ["CHỈ TIÊU NĂM 2018"],
  [],
  ["Chỉ tiêu", "Mục tiêu"],
  ["Năm kế hoạch", 2018],
  ["Số xã đạt chuẩn NTM", 48],
  ["Đạt 19 tiêu chí", 48],
  ["Đạt 15 - 18 tiêu chí", 2],
  ["đạt 10–14 tiêu chí", "29"],
  ["Đạt 5-9 tiêu chí", 128],
  ["Dưới 5 tiêu chí", 0],
  ["TC2 - Giao thông", 58],
  ["TC3", 151],
  ["Tiêu chí 4", 115],
  ["TC5", 54],
  ["TC6", 52],
  ["TC7", 168],
  ["TC8", 61],
  ["TC9", 106],
  ["TC10", 58],
  ["TC11", 64],
  ["TC12", 207],
  ["TC13", 90],
  ["TC14", 187],
  ["TC15", 107],
  ["TC16", 90],
  ["TC17", 53],
  ["TC18", 55],
  ["TC19", 186],
  [],
  ["Tổng vốn", "2.526.400"],
  ["Vốn 1", 437_100],
  ["Vốn 1.1 - Vốn ngân sách Trung ương", 273_800],
  ["Vốn 1.2", 163_300],
  ["Vốn 2", 229_300],
  ["Vốn 3", 35_000],
  ["Vốn 4", "1.700.000"],
  ["Vốn 5", 120_000],
  ["Vốn 6", 5_000],
  ["Ghi chú: số liệu theo Kế hoạch 42/KH-UBND"],
];
