import { describe, expect, it } from "vitest";
import type { UnitSubmission } from "../../../shared/schemas/unit-submission.ts";
import type { StoredCommuneRow } from "../../../worker/db/revisions.ts";
import { canonicalUnitJson, contentHash, headerJson } from "../../../worker/submissions/canonical.ts";
import { storedSubmission } from "../../../worker/submissions/stored-submission.ts";
import {
  communeLabels,
  fromStoredUnitCommune,
  MAX_COMMUNE_LABELS,
  toUnitCommuneRows,
} from "../../../worker/submissions/unit-commune-bits.ts";
import { ADVANCED, BORDER, TARGET, TINY, tinyBodies, unitCommune, unitSubmission, upTo } from "../unit-fixtures.ts";

/** NTM-2 revisions as stored: commune rows with label bits (migration 0005), the content hash. */

const stored = (row: ReturnType<typeof toUnitCommuneRows>[number]): StoredCommuneRow => ({
  code: row[0],
  name: row[1],
  flags: row[2],
  ht: row[3],
  kh: row[4],
  source_row: row[5],
  grp: row[6] ?? null,
  marks: row[7] ?? null,
  th: row[8] ?? null,
});

describe("NTM-2 commune rows", () => {
  const [a, b] = TINY;
  const sub = unitSubmission(2027, a.code, [
    unitCommune(a, [1, 3, 10], upTo(10), { advanced: true }, 6),
    { ...unitCommune({ ...b, group: null }, [], [2], { target: true }, 7), attributes: {}, flags: { [TARGET]: true } },
  ]);

  it("labels in first-seen order, attributes on the first bits; a value is a flags bit, having one a marks bit", () => {
    const labels = communeLabels(sub);
    expect(labels).toEqual({ attributes: [BORDER], flags: [TARGET, ADVANCED] });
    expect(toUnitCommuneRows(sub, labels)).toEqual([
      // The last: TH, null on a plan's rows (a result's rows: worker/submissions tests of the result round).
      ["06148", "Xã Thất Khê", 0b101, 0b1000000101, 0b1111111111, 6, 1, 0b111, null],
      ["06151", "Xã Đoàn Kết", 0b010, 0, 0b10, 7, null, 0b010, null],
    ]);
  });

  it("round-trips: absent labels stay absent, false stays false, the group and source row come back", () => {
    const labels = communeLabels(sub);
    const rows = toUnitCommuneRows(sub, labels).map(stored);
    expect(rows.map((r) => fromStoredUnitCommune(r, labels, sub))).toEqual(sub.communes);
    const { communes: _c, ...header } = sub;
    expect(storedSubmission({ template_version: "NTM-2", header: headerJson(sub), commune_labels: JSON.stringify(labels) }, rows)).toEqual({
      ...header,
      communes: sub.communes,
    });
  });

  it("52 labels fit (bit 51 exact); the 53rd has no bit", () => {
    const flags = Object.fromEntries(upTo(MAX_COMMUNE_LABELS).map((i) => [`Cờ ${i}`, i === MAX_COMMUNE_LABELS]));
    const big: UnitSubmission = { ...sub, communes: [{ ...sub.communes[0]!, attributes: {}, flags }] };
    const labels = communeLabels(big);
    const [row] = toUnitCommuneRows(big, labels);
    expect([row![2], row![7]]).toEqual([2 ** 51, 2 ** 52 - 1]);
    expect(fromStoredUnitCommune(stored(row!), labels, big).flags).toEqual(flags);
    expect(MAX_COMMUNE_LABELS).toBe(52);
  });
});

describe("NTM-2 content hash", () => {
  const [body] = tinyBodies(2027);

  it("ignores source rows and columns, commune order, criterion order and label order", async () => {
    const two = { ...body!, communes: [...body!.communes, unitCommune(TINY[1], [2, 1], [3, 1, 2], {}, 7)] };
    const { source: _s, ...noSource } = two;
    const shuffled: UnitSubmission = {
      ...noSource,
      communes: [
        { ...unitCommune(TINY[1], [1, 2], [1, 2, 3]), source: { sheet: "Tiêu chí", row: 40 } },
        { ...two.communes[0]!, flags: { [ADVANCED]: true, [TARGET]: false }, source: { sheet: "Khác", row: 41 } },
      ],
    };
    expect(await contentHash(shuffled)).toBe(await contentHash(two));
    expect(canonicalUnitJson(two)).not.toContain("source");
  });

  it("changes with any figure, group, attribute, flag, name, capital amount or header field", async () => {
    const h = await contentHash(body!);
    const c = body!.communes[0]!;
    const variants: UnitSubmission[] = [
      { ...body!, capital: { ...body!.capital, "2": 250_501 } },
      { ...body!, communes: [{ ...c, plan: upTo(9) }] },
      { ...body!, communes: [{ ...c, group: 2 }] },
      { ...body!, communes: [{ ...c, attributes: { [BORDER]: false } }] },
      { ...body!, communes: [{ ...c, attributes: {} }] },
      { ...body!, communes: [{ ...c, flags: { ...c.flags, [TARGET]: true } }] },
      { ...body!, communes: [{ ...c, name: "Xã Thất Khê mới" }] },
      { ...body!, unitName: "Thị trấn Thất Khê" },
      { ...body!, criteriaSet: "2021-2025" },
    ];
    for (const v of variants) expect(await contentHash(v)).not.toBe(h);
  });
});
