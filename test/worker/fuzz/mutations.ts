/** fast-check arbitraries for the submission fuzz: valid bodies, their mutations, raw-body damage (not a test file). */
import fc from "fast-check";
import type { Submission } from "../../../shared/schemas/submission.ts";
import { commune, range, submission } from "../helpers.ts";

/** The plan years the fuzz may write to (no other test uses them). */
export const FUZZ_YEARS = [2095, 2096] as const;
/** Districts of the fuzz, each with its own pool of commune codes (183 holds 06199, as in issue 12). */
export const POOLS: Record<string, string[]> = {
  "180": range(0, 9).map((i) => `0610${i}`),
  "183": range(0, 9).map((i) => `0619${i}`),
  "186": range(0, 9).map((i) => `0630${i}`),
};
export const FUZZ_DISTRICTS = Object.keys(POOLS);

/** Data, not functions, so that fast-check prints a failing case readably. */
export type Mutation =
  | { kind: "set"; path: string; value: unknown }
  | { kind: "drop"; path: string }
  | { kind: "duplicateCommune"; index: number; code: "same" | "leadingZero" }
  | { kind: "manyCommunes"; count: number }
  | { kind: "borrowCode"; index: number; from: string; slot: number; leadingZero: boolean }
  | { kind: "extraKey"; path: string; key: string; value: unknown };

export type RawDamage =
  | { kind: "none" }
  | { kind: "truncate"; fraction: number }
  | { kind: "bom" }
  | { kind: "badUtf8"; fraction: number; bytes: readonly number[] }
  | { kind: "numberLiteral"; key: string; literal: string }
  | { kind: "duplicateKey"; json: string }
  | { kind: "replace"; text: string };

export type Token = "admin" | "office" | "own" | "other" | "none" | "garbage";

export type FuzzCase = {
  token: Token;
  base: Submission;
  mutations: Mutation[];
  raw: RawDamage;
  contentType: string | null;
  /** Post the same bytes a second time (a resend: deduplicated when the first was accepted). */
  repeat: boolean;
};

const CAPITAL_KEYS = ["central", "local", "integrated", "enterprise", "credit", "community", "other"] as const;

/** A valid commune of a district's pool: HT 1..k, KH 1..max(5, k + extra), flags the rules allow. */
function validCommune(district: string) {
  return fc
    .record({
      // Mostly the first five codes of the pool, so that borrowed codes are often owned.
      index: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 4 }) }, fc.integer({ min: 5, max: 9 })),
      achieved: fc.integer({ min: 0, max: 18 }),
      extra: fc.integer({ min: 0, max: 8 }),
      pilot: fc.boolean(),
      target: fc.boolean(),
      name: fc.constantFrom("Xã Hợp Thành", "Xã Tân Liên", "Thị trấn Đồng Đăng", "Xã Bắc Xa", "Xã Quốc Khánh"),
    })
    .map(({ index, achieved, extra, pilot, target, name }) => {
      const plan = range(1, Math.max(5, Math.min(19, achieved + extra)));
      const ntmTarget = target && plan.length === 19;
      return commune(POOLS[district]![index]!, `${name} ${index}`, range(1, achieved), plan, {
        flags: { pilotDifficult: pilot, ntmTarget },
      });
    });
}

/** A valid submission of one fuzz district for a fuzz year. */
export const validSubmission = fc.constantFrom(...FUZZ_DISTRICTS).chain((district) =>
  fc
    .record({
      year: fc.constantFrom(...FUZZ_YEARS),
      communes: fc.uniqueArray(validCommune(district), { minLength: 1, maxLength: 4, selector: (c) => c.code }),
      capital: fc.record(Object.fromEntries(CAPITAL_KEYS.map((k) => [k, fc.integer({ min: 0, max: 5_000_000_000 })]))),
      preparedBy: fc.constantFrom("Nguyễn Văn A", "Hoàng Thị Đào".normalize("NFD"), "  Lý Văn B  ", null),
    })
    .map(({ year, communes, capital, preparedBy }) => submission(district, year, communes, capital, { preparedBy })),
);

/** Text that breaks naive code: blanks, zero-width, RTL marks, control characters, NFD, lone surrogates, long. */
export const oddText = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "   ",
    "\u00a0",
    "\u200b",
    "\u200b\u200c\u200d\u2060\ufeff",
    "\u202eXã Ngược",
    "\u200fXã\u200e",
    "Xã\u0000A",
    "\u0007\u001f\u007f",
    "\t\r\n",
    "Xã Hợp Thành".normalize("NFD"),
    "\ud800",
    "\udfff lẻ",
    "💩 Xã",
    "Ｘã",
    "06199",
    "006199",
    "'; DROP TABLE submissions;--",
    "<script>alert(1)</script>",
    "%00%ff",
  ),
  fc.string({ unit: "binary", maxLength: 24 }),
  fc.integer({ min: 190, max: 12_000 }).map((n) => "Ẫ".repeat(n)),
);

const oddNumber = fc.constantFrom(
  -1,
  -0,
  0.5,
  1e21,
  2 ** 31,
  2 ** 32,
  2 ** 53 - 1,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1e-7,
);

/** Codes with leading zeros, of another district, non-ASCII digits, padded, numbers. */
export const oddCode = fc.oneof(
  fc.constantFrom(...FUZZ_DISTRICTS).chain((d) => fc.constantFrom(...POOLS[d]!)),
  fc.constantFrom(...FUZZ_DISTRICTS).chain((d) => fc.constantFrom(...POOLS[d]!).map((c) => `0${c}`)),
  fc.constantFrom(
    "006199",
    "0006199",
    "6199",
    "06199 ",
    " 06199",
    "0619\u200b9",
    "０６１９９",
    "٠٦١٩٩",
    "00000",
    "99999",
    "1234567890",
    "12345678901",
    "-6199",
    "6.199e3",
    6199,
    6199.0,
  ),
);

const junk = fc.oneof(
  oddNumber,
  oddText,
  fc.constantFrom(null, true, false, [], {}, [[]], { a: { b: { c: [1, {}] } } }, "NaN", "Infinity", "-Infinity"),
  fc.array(fc.integer({ min: -2, max: 120 }), { maxLength: 25 }),
  fc.jsonValue({ maxDepth: 3 }),
);

const COMMUNE_PATHS = [
  "code",
  "name",
  "flags",
  "flags.border",
  "flags.districtDifficult",
  "baseline",
  "plan",
  "source",
  "source.row",
  "source.sheet",
];
const TOP_PATHS = [
  "templateVersion",
  "district",
  "districtName",
  "year",
  "preparedBy",
  "phone",
  "preparedOn",
  "communes",
  "capital",
  "source",
  "source.columns.code",
  "source.columns.criteria",
];
const anyPath = fc.oneof(
  fc.constantFrom(...TOP_PATHS),
  fc.constantFrom(...CAPITAL_KEYS).map((k) => `capital.${k}`),
  fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom(...COMMUNE_PATHS)).map(([i, p]) => `communes.${i}.${p}`),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), path: anyPath, value: junk }),
  fc.record({ kind: fc.constant("set" as const), path: fc.integer({ min: 0, max: 4 }).map((i) => `communes.${i}.code`), value: oddCode }),
  fc.record({
    kind: fc.constant("set" as const),
    path: fc.constantFrom("districtName", "preparedBy", "phone", "communes.0.name", "communes.1.name"),
    value: oddText,
  }),
  fc.record({
    kind: fc.constant("set" as const),
    path: fc.constant("district"),
    value: fc.constantFrom("180", "183", "186", "999", "0183", "", "183 ", 183, null),
  }),
  fc.record({
    kind: fc.constant("set" as const),
    path: fc.constant("year"),
    value: fc.constantFrom(2096, 1999, 2101, "2095", 2095.5, 20950, -2095, 0, null),
  }),
  fc.record({
    kind: fc.constant("set" as const),
    path: fc.constantFrom("communes", "capital", "communes.0", "communes.0.flags"),
    value: fc.constantFrom([], {}, [{}], "[]", [[1, 2]]),
  }),
  fc.record({ kind: fc.constant("drop" as const), path: anyPath }),
  fc.record({
    kind: fc.constant("duplicateCommune" as const),
    index: fc.integer({ min: 0, max: 3 }),
    code: fc.constantFrom("same" as const, "leadingZero" as const),
  }),
  fc.record({ kind: fc.constant("manyCommunes" as const), count: fc.integer({ min: 5, max: 300 }) }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("borrowCode" as const),
      index: fc.integer({ min: 0, max: 3 }),
      from: fc.constantFrom(...FUZZ_DISTRICTS),
      slot: fc.integer({ min: 0, max: 4 }),
      leadingZero: fc.boolean(),
    }),
  },
  fc.record({
    kind: fc.constant("extraKey" as const),
    path: fc.constantFrom("", "communes.0", "capital", "communes.0.flags"),
    key: fc.constantFrom("extra", "constructor", "toString", "__proto__", "id", "revision"),
    value: junk,
  }),
);

export const rawDamage: fc.Arbitrary<RawDamage> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: "none" as const }) },
  fc.record({ kind: fc.constant("truncate" as const), fraction: fc.double({ min: 0, max: 0.999, noNaN: true }) }),
  fc.constant({ kind: "bom" as const }),
  fc.record({
    kind: fc.constant("badUtf8" as const),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.constantFrom([0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]),
  }),
  fc.record({
    kind: fc.constant("numberLiteral" as const),
    key: fc.constantFrom(...CAPITAL_KEYS, "year", "row"),
    literal: fc.constantFrom("1e400", "-1e400", "1e-400", "-0", "1E3", "1.0", "0x10", "01", "NaN", "Infinity", "9007199254740993", "1_000"),
  }),
  fc.record({
    kind: fc.constant("duplicateKey" as const),
    json: fc.constantFrom('"year":1999', '"year":2096', '"district":"999"', '"communes":[]', '"capital":null'),
  }),
  fc.record({ kind: fc.constant("replace" as const), text: fc.constantFrom("", "null", "[]", "1", '"text"', "{}", "{", "[{}]", "\u0000") }),
);

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
  token: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<Token>("admin", "office", "own") },
    { weight: 1, arbitrary: fc.constantFrom<Token>("other", "none", "garbage") },
  ),
  base: validSubmission,
  mutations: fc.array(mutation, { maxLength: 3 }),
  raw: rawDamage,
  contentType: fc.constantFrom(
    "application/json",
    "application/json",
    "application/json; charset=utf-8",
    "text/plain",
    "application/x-www-form-urlencoded",
    null,
  ),
  repeat: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, fc.constant(true)),
});

// biome-ignore lint/suspicious/noExplicitAny: mutations walk arbitrary JSON.
type Json = any;

/** The container at `path` without its last step, and that step; null when a step is not a container. */
function locate(root: Json, path: string): { parent: Json; key: string } | null {
  const steps = path.split(".").filter((s) => s !== "");
  let node = root;
  for (const s of steps.slice(0, -1)) {
    if (node === null || typeof node !== "object" || !(s in node)) return null;
    node = node[s];
  }
  if (node === null || typeof node !== "object") return null;
  return { parent: node, key: steps[steps.length - 1] ?? "" };
}

/** The body a case sends, before raw damage (a structurally mutated deep copy of the base). */
export function mutatedBody(c: FuzzCase): Json {
  const body: Json = structuredClone(c.base);
  for (const m of c.mutations) {
    if (m.kind === "set") {
      const at = locate(body, m.path);
      // A valid year outside the fuzz years would write into another test's year: kept to the fuzz's.
      const value =
        m.path === "year" && Number.isInteger(m.value) && (m.value as number) >= 2000 && (m.value as number) <= 2100 ? 2096 : m.value;
      if (at) at.parent[at.key] = structuredClone(value);
    } else if (m.kind === "drop") {
      const at = locate(body, m.path);
      if (at) {
        if (Array.isArray(at.parent)) at.parent.splice(Number(at.key), 1);
        else delete at.parent[at.key];
      }
    } else if (m.kind === "duplicateCommune") {
      if (Array.isArray(body.communes) && body.communes.length > 0) {
        const copy = structuredClone(body.communes[m.index % body.communes.length]);
        if (copy && typeof copy === "object" && m.code === "leadingZero") copy.code = `0${copy.code}`;
        body.communes.push(copy);
      }
    } else if (m.kind === "borrowCode") {
      // A code of another district's pool (often owned by its latest revision), maybe with a leading zero.
      const from = m.from === body.district ? FUZZ_DISTRICTS[(FUZZ_DISTRICTS.indexOf(m.from) + 1) % FUZZ_DISTRICTS.length]! : m.from;
      const target = Array.isArray(body.communes) && body.communes.length > 0 ? body.communes[m.index % body.communes.length] : null;
      if (target && typeof target === "object") target.code = `${m.leadingZero ? "0" : ""}${POOLS[from]![m.slot]}`;
    } else if (m.kind === "manyCommunes") {
      if (Array.isArray(body.communes)) {
        // Codes 07000.. belong to no fuzz district's pool: the district that lists them owns them.
        const district = String(body.district);
        const offset = (FUZZ_DISTRICTS.indexOf(district) + 1) * 300;
        for (let i = 0; i < m.count; i++) {
          body.communes.push(commune(String(7000 + offset + i).padStart(5, "0"), `Xã Nhiều ${i}`, [1, 2], range(1, 6)));
        }
      }
    } else {
      const at = m.path === "" ? { parent: body, key: "" } : locate(body, m.path);
      const target = at === null ? null : m.path === "" ? body : at.parent[at.key];
      if (target && typeof target === "object" && !Array.isArray(target)) {
        Object.defineProperty(target, m.key, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
      }
    }
  }
  return body;
}

/** The bytes a case sends: its body's JSON, then the raw damage. */
export function bodyBytes(c: FuzzCase): Uint8Array {
  let text = JSON.stringify(mutatedBody(c)) ?? "null";
  const raw = c.raw;
  if (raw.kind === "replace") text = raw.text;
  if (raw.kind === "numberLiteral") text = text.replace(new RegExp(`("${raw.key}":)-?[0-9.eE+]+`), `$1${raw.literal}`);
  if (raw.kind === "duplicateKey") text = text.replace(/\}\s*$/, `,${raw.json}}`);
  if (raw.kind === "truncate") text = text.slice(0, Math.floor(text.length * raw.fraction));
  const bytes = new TextEncoder().encode(text);
  if (raw.kind === "bom") return new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
  if (raw.kind === "badUtf8") {
    const at = Math.floor(bytes.length * raw.fraction);
    return new Uint8Array([...bytes.subarray(0, at), ...raw.bytes, ...bytes.subarray(at)]);
  }
  return bytes;
}
