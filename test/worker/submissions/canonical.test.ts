import { expect, it } from "vitest";
import { canonicalJson, contentHash, normalizeText, stableStringify } from "../../../worker/submissions/canonical.ts";
import { commune, submission } from "../helpers.ts";

it("stableStringify sorts keys at every level and drops undefined members", () => {
  expect(stableStringify({ b: 1, a: { d: [3, { z: 1, y: undefined, x: 2 }], c: null } })).toBe(
    '{"a":{"c":null,"d":[3,{"x":2,"z":1}]},"b":1}',
  );
});

it("the content hash ignores source rows, source columns, commune order and criterion order", async () => {
  const a = submission("183", 2018, [commune("06121", "Xã A", [1, 2], [1, 2, 3]), commune("06118", "Xã B", [3], [3, 4])]);
  const { source: _s, ...noSource } = a;
  const b = {
    ...noSource,
    communes: [
      { ...commune("06118", "Xã B", [3], [4, 3]), source: { sheet: "Tiêu chí", row: 99 } },
      commune("06121", "Xã A", [2, 1], [3, 2, 1]),
    ],
  };
  expect(await contentHash(b)).toBe(await contentHash(a));
  expect(await contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
});

it("the content hash changes with any figure, flag, name or capital amount", async () => {
  const base = submission("183", 2018, [commune("06121", "Xã A", [1, 2], [1, 2, 3])], { central: 1000 });
  const h = await contentHash(base);
  const variants = [
    { ...base, capital: { ...base.capital, central: 1001 } },
    { ...base, communes: [commune("06121", "Xã A", [1, 2], [1, 2, 3, 4])] },
    { ...base, communes: [commune("06121", "Xã A", [1, 2], [1, 2, 3], { flags: { ntmTarget: true } })] },
    { ...base, communes: [commune("06121", "Xã Á", [1, 2], [1, 2, 3])] },
    { ...base, preparedBy: "Người khác" },
  ];
  for (const v of variants) expect(await contentHash(v)).not.toBe(h);
});

it("normalizeText makes names NFC and trimmed; the canonical JSON sorts communes by code and leaves out source", () => {
  const sub = submission("183", 2018, [commune("2", " Xã Đồng Đăng ".normalize("NFD"), [1], [1]), commune("1", "Xã A", [1], [1])]);
  const n = normalizeText(sub);
  expect(n.communes[0]?.name).toBe("Xã Đồng Đăng");
  const canonical = JSON.parse(canonicalJson(n));
  expect(canonical.communes.map((c: { code: string }) => c.code)).toEqual(["1", "2"]);
  expect("source" in canonical).toBe(false);
  expect(canonical.communes.some((c: object) => "source" in c)).toBe(false);
});
