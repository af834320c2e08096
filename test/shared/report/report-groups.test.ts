import { describe, expect, it } from "vitest";
import { attributeLabels, reportGroups } from "../../../shared/report/report-groups.ts";
import { SET_2016_2020, SET_2021_2025, SET_2026_2030 } from "../../../shared/setup/criteria-sets.ts";
import type { SetupCommune } from "../../../shared/setup/types.ts";
import { TINY_2027 } from "./tiny-2027.ts";

const keys = (b: Parameters<typeof reportGroups>[0]) => reportGroups(b).map((g) => g.key);

describe("reportGroups", () => {
  it("2016-2020 keeps the four groups of docs/domain.md, whatever the setup's flags and attributes", () => {
    expect(keys({ criteriaSet: SET_2016_2020, communes: null, planFlags: [] })).toEqual([
      "border",
      "pilotDifficult",
      "ntmTarget",
      "districtDifficult",
    ]);
    expect(keys({ criteriaSet: SET_2016_2020, communes: TINY_2027.communes, planFlags: ["NTM nâng cao"] })).toHaveLength(4);
    expect(reportGroups({ criteriaSet: SET_2016_2020, communes: null, planFlags: [] }).map((g) => g.label)).toEqual([
      "Xã biên giới",
      "Xã điểm đặc biệt khó khăn",
      "Xã phấn đấu đạt chuẩn NTM",
      "Xã ĐBKK do huyện chọn",
    ]);
  });

  it("2026-2030: groups 1-3, the commune list's attributes, the NTM flag and the plan flags", () => {
    expect(keys(TINY_2027)).toEqual([
      "group1",
      "group2",
      "group3",
      "attr:Xã biên giới",
      "flag:Phấn đấu đạt chuẩn NTM",
      "flag:NTM nâng cao",
    ]);
  });

  it("2021-2025 without a commune list: no commune groups, `Xã biên giới`, the flags once each (matched as labels)", () => {
    expect(
      keys({ criteriaSet: SET_2021_2025, communes: null, planFlags: ["NTM kiểu mẫu", "phấn đấu  đạt chuẩn ntm", "NTM nâng cao"] }),
    ).toEqual(["attr:Xã biên giới", "flag:Phấn đấu đạt chuẩn NTM", "flag:NTM kiểu mẫu", "flag:NTM nâng cao"]);
  });

  it("attributes: every label of the commune list in first-seen order, none when the list has none", () => {
    const communes: SetupCommune[] = [
      { code: "06001", name: "A", unit: "06001", group: 1, attributes: { "Xã biên giới": true }, formerCodes: [] },
      { code: "06004", name: "B", unit: "06004", group: 2, attributes: { "Xã an toàn khu": true, "XÃ BIÊN GIỚI": false }, formerCodes: [] },
    ];
    expect(attributeLabels({ communes })).toEqual(["Xã biên giới", "Xã an toàn khu"]);
    expect(attributeLabels({ communes: [{ ...communes[0]!, attributes: {} }] })).toEqual([]);
    expect(keys({ criteriaSet: SET_2026_2030, communes: [{ ...communes[0]!, attributes: {} }], planFlags: [] })).toEqual([
      "group1",
      "group2",
      "group3",
      "flag:Phấn đấu đạt chuẩn NTM",
    ]);
  });
});
