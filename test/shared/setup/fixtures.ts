import type { SetupJson } from "../../../shared/setup/schema.ts";

/**
 * A small valid setup JSON of each level, fresh per call so tests may mutate it: 2027 at level xã
 * (three communes, each its own unit, set 2026-2030 named by id), and 2022 at level huyện (two
 * districts, a registered commune list of three, set 2021-2025 with its criteria given).
 */
export function xaSetup(): SetupJson & { communes: NonNullable<SetupJson["communes"]> } {
  return {
    year: 2027,
    criteriaSet: { id: "2026-2030" },
    level: "xã",
    units: [
      { code: "06001", name: "Xã Một", attributes: {} },
      { code: "06002", name: "Xã Hai", attributes: {} },
      { code: "06003", name: "Xã Ba", attributes: {} },
    ],
    communes: [
      { code: "06001", name: "Xã Một", unit: "06001", group: 1, attributes: { "Xã biên giới": false }, formerCodes: ["06148"] },
      { code: "06002", name: "Xã Hai", unit: "06002", group: 2, attributes: { "Xã biên giới": true }, formerCodes: ["06151", "06154"] },
      { code: "06003", name: "Xã Ba", unit: "06003", group: 3, attributes: { "Xã biên giới": false }, formerCodes: [] },
    ],
    planFlags: ["Xã NTM nâng cao"],
    deadlines: { plan: "2027-03-31", result: "2027-12-15" },
  };
}

export function huyenSetup(): SetupJson & { communes: NonNullable<SetupJson["communes"]> } {
  return {
    year: 2022,
    criteriaSet: { id: "2021-2025" },
    level: "huyện",
    units: [
      { code: "183", name: "Huyện Cao Lộc", attributes: { "Huyện biên giới": true } },
      { code: "185", name: "Huyện Bắc Sơn", attributes: { "Huyện biên giới": false } },
    ],
    communes: [
      { code: "06148", name: "Hòa Cư", unit: "183", group: null, attributes: {}, formerCodes: [] },
      { code: "06151", name: "Hải Yến", unit: "183", group: null, attributes: {}, formerCodes: [] },
      { code: "06199", name: "Bắc Sơn", unit: "185", group: null, attributes: {}, formerCodes: [] },
    ],
  };
}
