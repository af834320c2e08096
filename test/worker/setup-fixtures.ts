/** Setup JSON bodies for the workers tests (shared/setup/schema.ts), built in code (not a test file). */
import { LANG_SON_DISTRICTS } from "../../shared/reference/districts.ts";
import type { SetupJson } from "../../shared/setup/schema.ts";

/** The setup JSON of the 11 Lạng Sơn districts with the 2016-2020 set (the built-in defaults), for any year. */
export function districtSetup(year: number, extra: Partial<SetupJson> = {}): SetupJson {
  return {
    year,
    criteriaSet: { id: "2016-2020" },
    level: "huyện",
    units: LANG_SON_DISTRICTS.map((d) => ({ code: d.code, name: d.name, attributes: { "Huyện biên giới": d.border } })),
    communes: null,
    ...extra,
  };
}

/**
 * A commune-level setup (level xã, the 2026-2030 set): each code is a commune and its own unit,
 * named `Xã <code>`, in commune group 1, 2, 3 in turn.
 */
export function communeSetup(year: number, codes: readonly string[]): SetupJson {
  return {
    year,
    criteriaSet: { id: "2026-2030" },
    level: "xã",
    units: codes.map((code) => ({ code, name: `Xã ${code}`, attributes: {} })),
    communes: codes.map((code, i) => ({
      code,
      name: `Xã ${code}`,
      unit: code,
      group: ((i % 3) + 1) as 1 | 2 | 3,
      attributes: {},
      formerCodes: [],
    })),
  };
}

/**
 * A setup of `n` communes at level xã (codes 10000, 10001, …), each its own unit, with groups, the
 * `Xã biên giới` attribute and two former codes each: about 1.1 MB of commune rows for 10,000.
 */
export function largeCommuneSetup(year: number, n: number): SetupJson {
  const code = (i: number) => String(10000 + i);
  return {
    year,
    criteriaSet: { id: "2026-2030" },
    level: "xã",
    units: Array.from({ length: n }, (_, i) => ({ code: code(i), name: `Xã Thống Nhất Đông Bắc ${i}`, attributes: {} })),
    communes: Array.from({ length: n }, (_, i) => ({
      code: code(i),
      name: `Xã Thống Nhất Đông Bắc ${i}`,
      unit: code(i),
      group: ((i % 3) + 1) as 1 | 2 | 3,
      attributes: { "Xã biên giới": i % 7 === 0 },
      formerCodes: [String(50000 + 2 * (i % 20000)), String(50001 + 2 * (i % 20000))],
    })),
  };
}
