import { expect, it } from "vitest";
import {
  bitsToCriteria,
  bitsToFlags,
  criteriaToBits,
  flagsToBits,
  fromStoredCommune,
  toCommuneRow,
} from "../../../worker/submissions/commune-bits.ts";
import { ALL, commune } from "../helpers.ts";

it("criteria ↔ 19-bit integers: bit n-1 is criterion n", () => {
  expect(criteriaToBits([])).toBe(0);
  expect(criteriaToBits([1])).toBe(1);
  expect(criteriaToBits([2, 19])).toBe(2 + 2 ** 18);
  expect(criteriaToBits(ALL)).toBe(2 ** 19 - 1);
  expect(bitsToCriteria(2 ** 19 - 1)).toEqual(ALL);
  expect(bitsToCriteria(2 + 2 ** 18)).toEqual([2, 19]);
  expect(bitsToCriteria(0)).toEqual([]);
});

it("a criterion listed twice or out of order sets its bit once", () => {
  expect(criteriaToBits([3, 1, 3])).toBe(5);
  expect(criteriaToBits([19, 19, 19])).toBe(2 ** 18);
  expect(criteriaToBits([52, 1])).toBe(2 ** 51 + 1);
  expect(bitsToCriteria(criteriaToBits([52, 1]))).toEqual([1, 52]);
});

it("flags ↔ bitmask in GROUP_KEYS order", () => {
  const flags = { border: true, pilotDifficult: false, ntmTarget: true, districtDifficult: false };
  expect(flagsToBits(flags)).toBe(5);
  expect(bitsToFlags(5)).toEqual(flags);
  expect(bitsToFlags(15)).toEqual({ border: true, pilotDifficult: true, ntmTarget: true, districtDifficult: true });
});

it("a commune round-trips through its stored row", () => {
  const c = commune("06148", "Xã Hoàng Đồng", [1, 3, 19], [1, 2, 3, 19], { flags: { districtDifficult: true }, row: 12 });
  const [code, name, flags, ht, kh, row] = toCommuneRow(c);
  expect([code, name, flags, row]).toEqual(["06148", "Xã Hoàng Đồng", 8, 12]);
  expect(
    fromStoredCommune({ code, name, flags, ht, kh, source_row: row, grp: null, marks: null, th: null }, { source: undefined }),
  ).toEqual(c);
  const { source: _s, ...bare } = c;
  expect(fromStoredCommune({ code, name, flags, ht, kh, source_row: null, grp: null, marks: null, th: null }, {})).toEqual(bare);
});
