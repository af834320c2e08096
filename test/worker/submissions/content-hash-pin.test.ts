import fc from "fast-check";
import { expect, it } from "vitest";
import type { Commune, Submission } from "../../../shared/schemas/submission.ts";
import { canonicalJson, contentHash, headerJson, normalizeText, stableStringify } from "../../../worker/submissions/canonical.ts";
import { api, json } from "../helpers.ts";
import { PINNED_BARE, PINNED_FULL } from "./hash-fixture.ts";

// Computed by the original code (generic stable JSON + SHA-256) before the canonicalisation was
// rewritten for speed. Stored revisions dedupe against these values: they must never change.
const HASH_FULL = "c5ec6b74619ee8c3fe5c22118afce1bd806423e7768b021541fcadecc588ba68";
const HASH_BARE = "9b1ae4e06094ab575c54ca55c0e047ee6b7c5c814d240b3fac6ce8033f36bda8";
// The stored `header` column of the same submissions, by the original code.
const HEADER_FULL =
  '{"capital":{"central":1234567,"community":20000,"credit":1,"enterprise":9007199254740991,"integrated":42,"local":0,"other":7},"district":"183","districtName":"Huyện Cao Lộc","phone":"0205 3812 345","preparedBy":"Nguyễn Văn Ánh","preparedOn":"2018-01-15","source":{"columns":{"code":"B","criteria":[{"baseline":"H","plan":"I"},{"baseline":"J","plan":"K"}],"flags":{"border":"D","districtDifficult":"G","ntmTarget":"F","pilotDifficult":null},"name":"C"},"criteriaSheet":"Tiêu chí"},"templateVersion":"NTM-1","year":2018}';
const HEADER_BARE =
  '{"capital":{"central":0,"community":0,"credit":0,"enterprise":0,"integrated":0,"local":0,"other":0},"district":"178","districtName":"","phone":null,"preparedBy":null,"preparedOn":null,"templateVersion":"NTM-1","year":2100}';

/** The original canonical content (kept here as the oracle the one-pass writer must equal). */
function originalCanonicalContent(sub: Submission): Omit<Submission, "source"> {
  const sortedUnique = (xs: readonly number[]): number[] => [...new Set(xs)].sort((a, b) => a - b);
  const { source: _source, ...rest } = sub;
  const communes: Commune[] = sub.communes
    .map(({ source: _s, ...c }) => ({ ...c, baseline: sortedUnique(c.baseline), plan: sortedUnique(c.plan) }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { ...rest, communes };
}

it("the content hash of fixed submissions is the value the original code stored", async () => {
  expect(await contentHash(normalizeText(PINNED_FULL))).toBe(HASH_FULL);
  expect(await contentHash(normalizeText(PINNED_BARE))).toBe(HASH_BARE);
});

it("the stored header of fixed submissions is the text the original code stored", () => {
  expect(headerJson(normalizeText(PINNED_FULL))).toBe(HEADER_FULL);
  expect(headerJson(normalizeText(PINNED_BARE))).toBe(HEADER_BARE);
});

it("a different content has a different hash (the pin is not vacuous)", async () => {
  const other = { ...PINNED_BARE, capital: { ...PINNED_BARE.capital, other: 1 } };
  expect(await contentHash(normalizeText(other))).not.toBe(HASH_BARE);
});

const text = fc.string({ unit: "grapheme", maxLength: 12 });
const criteria = fc.array(fc.integer({ min: 1, max: 99 }), { maxLength: 25 });
const communeArb: fc.Arbitrary<Commune> = fc.record(
  {
    code: fc.stringMatching(/^\d{5,7}$/),
    name: text,
    flags: fc.record({ border: fc.boolean(), pilotDifficult: fc.boolean(), ntmTarget: fc.boolean(), districtDifficult: fc.boolean() }),
    baseline: criteria,
    plan: criteria,
    source: fc.option(fc.record({ sheet: text, row: fc.integer({ min: 1, max: 1_000_000 }) }), { nil: undefined }),
  },
  { requiredKeys: ["code", "name", "flags", "baseline", "plan"] },
);
const amount = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const submissionArb: fc.Arbitrary<Submission> = fc.record({
  templateVersion: fc.constant("NTM-1" as const),
  district: fc.stringMatching(/^\d{1,5}$/),
  districtName: text,
  year: fc.integer({ min: 2000, max: 2100 }),
  preparedBy: fc.option(text, { nil: null }),
  phone: fc.option(text, { nil: null }),
  preparedOn: fc.option(fc.constant("2018-01-15"), { nil: null }),
  communes: fc.array(communeArb, { maxLength: 12 }),
  capital: fc.record({
    central: amount,
    local: amount,
    integrated: amount,
    enterprise: amount,
    credit: amount,
    community: amount,
    other: amount,
  }),
});

it("the one-pass canonical JSON equals the original generic stable JSON for any submission", () => {
  fc.assert(
    fc.property(submissionArb, fc.boolean(), (raw, withSource) => {
      const sub = normalizeText(withSource ? { ...raw, source: PINNED_FULL.source } : raw);
      expect(canonicalJson(sub)).toBe(stableStringify(originalCanonicalContent(sub)));
    }),
    { numRuns: 500 },
  );
});

it("the Worker stores the pinned hash, and the same content sent again dedupes against it", async () => {
  // The rules refuse a repeated criterion: HT [3, 1, 19] is the same content as the fixture's [3, 1, 19, 3].
  const [c0, ...rest] = PINNED_FULL.communes;
  const valid = { ...PINNED_FULL, communes: [{ ...c0!, baseline: [3, 1, 19] }, ...rest] };
  // The fixture's 2^53 − 1 is now above the stated maximum of a line (422): the Worker refuses it,
  // and stores the same content with the maximum under the hash the pinned function gives it.
  expect((await api("/submissions", { body: valid })).status).toBe(422);
  const storable = { ...valid, capital: { ...valid.capital, enterprise: 100_000_000_000 } };
  const first = await api("/submissions", { body: storable });
  expect(first.status).toBe(201);
  const stored = await json(await api("/submissions?year=2018&district=183"));
  expect(stored.submissions.map((s: { contentHash: string }) => s.contentHash)).toEqual([await contentHash(normalizeText(storable))]);
  const again = await api("/submissions", { body: { ...storable, communes: [...storable.communes].reverse() } });
  expect(again.status).toBe(200);
  expect((await json(again)).deduplicated).toBe(true);
});
