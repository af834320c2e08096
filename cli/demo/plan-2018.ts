/**
 * The 2018 demo data set: eleven district submissions (207 communes) whose consolidation is
 * EXACTLY the Lạng Sơn 2018 plan of docs/domain.md. Pure and deterministic: a seeded constructive
 * algorithm, not per-commune tables, checked by assertions (it throws if a figure is off).
 *
 * Construction:
 * 1. Per district a few counts (communes, NTM at start, targets, border, pilot, 15-18): DISTRICTS.
 * 2. Per commune a planned total: 19 for NTM and targets, 16/17 for the 15-18 band, 13 for pilots,
 *    a fixed list averaging 9.35 for border communes, and for all others values in 10-14 or 5-9
 *    so that the total equals the sum of the criterion plan counts.
 * 3. The plan matrix (commune × criterion) with those row sums and the criterion plan counts as
 *    column sums: Ryser's greedy (each row takes the criteria with the largest remaining demand).
 * 4. The baseline (HT ⊆ KH, so no regressions): the 36 NTM communes have all 19; for each criterion
 *    the "added" communes are chosen among the others, targets first where the non-targets cannot
 *    absorb them, and so that every target lacks at least one criterion at the start.
 * 5. Capital: each province figure split over the districts by commune count (largest remainder,
 *    whole million VND), then 0.5 million moved between two districts so one types a decimal.
 */
import type { ReferenceData } from "../../shared/reference/index.ts";
import type { Commune, Submission } from "../../shared/schemas/submission.ts";
import type { CapitalLeafKey } from "../../shared/reference/capital-sources.ts";
import { CAPITAL_LEAF_KEYS } from "../../shared/reference/capital-sources.ts";
import { DEFAULT_REFERENCE } from "../../shared/reference/index.ts";
import { TEMPLATE_VERSION } from "../../shared/template/labels.ts";

export const DEMO_YEAR = 2018;

/** docs/domain.md: criteria 1..19 at the start of 2018 and planned. Criterion 1 and the baselines of
 *  7 and 8 are not stated by the plan: chosen here (planning everywhere by the end of 2018; 8 adds 14). */
export const CRITERIA_2018: readonly { baseline: number; plan: number }[] = [
  { baseline: 195, plan: 207 }, // 1 (chosen)
  { baseline: 47, plan: 58 },
  { baseline: 132, plan: 151 },
  { baseline: 109, plan: 115 },
  { baseline: 39, plan: 54 },
  { baseline: 41, plan: 52 },
  { baseline: 150, plan: 168 }, // 7 (baseline chosen)
  { baseline: 47, plan: 61 }, // 8 (baseline chosen, adds ≥ 10)
  { baseline: 85, plan: 106 },
  { baseline: 54, plan: 58 },
  { baseline: 55, plan: 64 },
  { baseline: 207, plan: 207 },
  { baseline: 63, plan: 90 },
  { baseline: 173, plan: 187 },
  { baseline: 81, plan: 107 },
  { baseline: 64, plan: 90 },
  { baseline: 38, plan: 53 },
  { baseline: 40, plan: 55 },
  { baseline: 163, plan: 186 },
];

/** docs/domain.md capital plan, million VND. */
export const CAPITAL_2018_MILLION: Record<CapitalLeafKey, number> = {
  central: 273_800,
  local: 163_300,
  integrated: 229_300,
  enterprise: 35_000,
  credit: 1_700_000,
  community: 120_000,
  other: 5_000,
};

/** Plan bands 19 / 15-18 / 10-14 / 5-9 / <5. */
const BAND_PLAN = { ntm: 48, upper: 2, middle: 29, lower: 128 } as const;
const NTM_START = 36;
/** Border communes' planned totals: 20 communes, sum 187 (average 9.35). */
const BORDER_TOTALS = [6, 7, 7, 8, 8, 8, 9, 9, 9, 9, 9, 10, 10, 10, 10, 11, 11, 12, 12, 12];
const PILOT_TOTAL = 13;
const UPPER_TOTALS = [16, 17];

type DistrictPlan = {
  code: string;
  communes: number;
  ntm: number;
  targets: number;
  border: number;
  pilot: number;
  upper: number;
  /** Leading digits of the 5-digit commune codes (06 + 3 digits, unique across the province). */
  codeBase: number;
};

/** Plausible sizes: the city has 3 rural communes, Lộc Bình and Hữu Lũng many. */
const DISTRICTS: readonly DistrictPlan[] = [
  { code: "178", communes: 3, ntm: 2, targets: 0, border: 0, pilot: 0, upper: 0, codeBase: 5977 },
  { code: "180", communes: 22, ntm: 2, targets: 1, border: 5, pilot: 0, upper: 0, codeBase: 6001 },
  { code: "181", communes: 19, ntm: 2, targets: 1, border: 0, pilot: 1, upper: 0, codeBase: 6073 },
  { code: "182", communes: 19, ntm: 3, targets: 1, border: 4, pilot: 0, upper: 0, codeBase: 6136 },
  { code: "183", communes: 22, ntm: 5, targets: 2, border: 5, pilot: 0, upper: 1, codeBase: 6199 },
  { code: "184", communes: 23, ntm: 3, targets: 1, border: 0, pilot: 1, upper: 0, codeBase: 6271 },
  { code: "185", communes: 19, ntm: 3, targets: 1, border: 0, pilot: 1, upper: 0, codeBase: 6349 },
  { code: "186", communes: 24, ntm: 6, targets: 2, border: 0, pilot: 1, upper: 1, codeBase: 6412 },
  { code: "187", communes: 19, ntm: 4, targets: 1, border: 0, pilot: 1, upper: 0, codeBase: 6493 },
  { code: "188", communes: 27, ntm: 4, targets: 1, border: 4, pilot: 0, upper: 0, codeBase: 6556 },
  { code: "189", communes: 10, ntm: 2, targets: 1, border: 2, pilot: 0, upper: 0, codeBase: 6646 },
];

/** The district that types a half million (0.5 is moved from the next one). */
export const HALF_MILLION_DISTRICT = "186";
const HALF_MILLION_FROM = "187";

const SYLLABLE_A = [
  "Tân",
  "Hòa",
  "Bình",
  "Quang",
  "Hồng",
  "Minh",
  "Yên",
  "Đồng",
  "Thanh",
  "Hữu",
  "Vĩnh",
  "Xuân",
  "Hưng",
  "Thiện",
  "Trung",
  "Quốc",
  "Kim",
  "Hoàng",
  "Đại",
  "Vân",
  "Chiến",
  "Khánh",
  "Tú",
  "Nhất",
  "Gia",
  "Bắc",
  "Mai",
];
const SYLLABLE_B = [
  "Lập",
  "Thịnh",
  "Sơn",
  "Tiến",
  "Thành",
  "Hòa",
  "Khánh",
  "Long",
  "Việt",
  "Phong",
  "Lạc",
  "Yên",
  "Hợp",
  "Lợi",
  "An",
  "Thủy",
  "Kết",
  "Đoàn",
  "Liên",
  "Mộng",
  "Đồng",
  "Lâm",
  "Tâm",
  "Quý",
  "Xá",
  "Pha",
  "Nghĩa",
];
const FAMILY = ["Nguyễn", "Hoàng", "Lương", "Vi", "Nông", "Lộc", "Hà", "Triệu", "Lăng", "Chu", "Đinh"];
const MIDDLE = ["Văn", "Thị", "Đức", "Thị Thu", "Minh", "Thanh"];
const GIVEN = ["Hùng", "Lan", "Tuấn", "Hương", "Dũng", "Mai", "Cường", "Thảo", "Sơn", "Ngọc", "Bình"];

function assert(ok: boolean, what: string): asserts ok {
  if (!ok) throw new Error(`demo data 2018: ${what}`);
}

/** mulberry32: a small seeded generator, so the data set is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(xs: T[], rnd: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

type Kind = "ntm" | "target" | "upper" | "pilot" | "border" | "districtDifficult" | "other";
type Row = { district: string; kind: Kind; total: number; plan: Set<number>; baseline: Set<number> };

/** Step 2: every commune's kind and planned total. */
function communeRows(rnd: () => number, criteriaCount: number, planSum: number): Row[] {
  const rows: Row[] = [];
  const border = shuffle([...BORDER_TOTALS], rnd);
  const upper = [...UPPER_TOTALS];
  for (const d of DISTRICTS) {
    const kinds: Kind[] = [
      ...Array<Kind>(d.ntm).fill("ntm"),
      ...Array<Kind>(d.targets).fill("target"),
      ...Array<Kind>(d.upper).fill("upper"),
      ...Array<Kind>(d.pilot).fill("pilot"),
      ...Array<Kind>(d.border).fill("border"),
      "districtDifficult",
    ];
    assert(kinds.length <= d.communes, `district ${d.code} too small`);
    while (kinds.length < d.communes) kinds.push("other");
    for (const kind of kinds) {
      const total =
        kind === "ntm" || kind === "target"
          ? criteriaCount
          : kind === "upper"
            ? upper.shift()!
            : kind === "pilot"
              ? PILOT_TOTAL
              : kind === "border"
                ? border.shift()!
                : 0;
      rows.push({ district: d.code, kind, total, plan: new Set(), baseline: new Set() });
    }
  }
  // The others fill the 10-14 and 5-9 bands: 15 of them (never a district-chosen difficult one)
  // start at 10, the rest at 5; single steps are then added at random up to the band's top.
  const others = rows.filter((r) => r.kind === "other" || r.kind === "districtDifficult");
  const fixedMiddle = rows.filter((r) => r.total >= 10 && r.total <= 14).length;
  const middle = new Set(
    shuffle(
      others.filter((r) => r.kind === "other"),
      rnd,
    ).slice(0, BAND_PLAN.middle - fixedMiddle),
  );
  for (const r of others) r.total = middle.has(r) ? 10 : 5;
  let missing = planSum - rows.reduce((s, r) => s + r.total, 0);
  assert(missing >= 0, "planned totals exceed the criterion counts");
  while (missing > 0) {
    const open = others.filter((r) => r.total < (middle.has(r) ? 14 : 9));
    assert(open.length > 0, "criterion counts too high for the bands");
    open[Math.floor(rnd() * open.length)]!.total++;
    missing--;
  }
  return rows;
}

/** Step 3: Ryser's greedy fill of the plan matrix (ties broken at random). */
function fillPlan(rows: Row[], numbers: readonly number[], demand: number[], rnd: () => number): void {
  const order = rows.map((r, i) => ({ r, i })).sort((a, b) => b.r.total - a.r.total || a.i - b.i);
  for (const { r } of order) {
    const keys = numbers.map((_, j) => ({ j, key: rnd() })).sort((a, b) => demand[b.j]! - demand[a.j]! || a.key - b.key);
    const take = keys.slice(0, r.total);
    assert(
      take.every(({ j }) => demand[j]! > 0),
      "plan matrix infeasible",
    );
    for (const { j } of take) {
      r.plan.add(numbers[j]!);
      demand[j]!--;
    }
  }
  assert(
    demand.every((x) => x === 0),
    "plan column sums not met",
  );
}

/** Step 4: baselines (HT ⊆ KH). */
function fillBaseline(rows: Row[], numbers: readonly number[], rnd: () => number): void {
  for (const r of rows) if (r.kind === "ntm") for (const n of numbers) r.baseline.add(n);
  const targets = rows.filter((r) => r.kind === "target");
  const missingOf = new Map(targets.map((t) => [t, 0]));
  const chosenTargets = new Map<number, Set<Row>>();
  const plan = numbers.map((n, j) => {
    const added = CRITERIA_2018[j]!.plan - CRITERIA_2018[j]!.baseline;
    const others = rows.filter((r) => r.kind !== "ntm" && r.kind !== "target" && r.plan.has(n));
    return { n, added, others, minTargets: Math.max(0, added - others.length) };
  });
  const pickTargets = (count: number, exclude: Set<Row>) =>
    shuffle(
      targets.filter((t) => !exclude.has(t)),
      rnd,
    )
      .sort((a, b) => missingOf.get(a)! - missingOf.get(b)!)
      .slice(0, count);
  // Forced first (criteria the non-targets cannot absorb), spread over the targets.
  for (const p of [...plan].sort((a, b) => b.minTargets - a.minTargets || a.n - b.n)) {
    const set = new Set(pickTargets(p.minTargets, new Set()));
    assert(set.size === p.minTargets, `criterion ${p.n}: not enough targets`);
    for (const t of set) missingOf.set(t, missingOf.get(t)! + 1);
    chosenTargets.set(p.n, set);
  }
  // Every target lacks something at the start (else it would already be NTM).
  for (const t of targets) {
    if (missingOf.get(t)! > 0) continue;
    const p = plan.find((q) => q.added > chosenTargets.get(q.n)!.size);
    assert(p !== undefined, "no criterion left to add for a target");
    chosenTargets.get(p.n)!.add(t);
    missingOf.set(t, 1);
  }
  for (const p of plan) {
    const addedTargets = chosenTargets.get(p.n)!;
    const addedOthers = new Set(shuffle([...p.others], rnd).slice(0, p.added - addedTargets.size));
    for (const t of targets) if (!addedTargets.has(t)) t.baseline.add(p.n);
    for (const r of p.others) if (!addedOthers.has(r)) r.baseline.add(p.n);
  }
}

/** Step 5: whole millions by largest remainder over weights, then the half-million move. */
function splitCapital(weights: readonly number[]): Record<CapitalLeafKey, number>[] {
  const sumW = weights.reduce((s, w) => s + w, 0);
  const out = weights.map(() => ({}) as Record<CapitalLeafKey, number>);
  for (const k of CAPITAL_LEAF_KEYS) {
    const total = CAPITAL_2018_MILLION[k];
    const shares = weights.map((w, i) => ({ i, floor: Math.floor((total * w) / sumW), rem: (total * w) % sumW }));
    let left = total - shares.reduce((s, x) => s + x.floor, 0);
    for (const s of [...shares].sort((a, b) => b.rem - a.rem || a.i - b.i)) {
      const extra = left > 0 ? 1 : 0;
      left -= extra;
      out[s.i]![k] = (s.floor + extra) * 1000; // thousand VND
    }
  }
  return out;
}

function communeName(rnd: () => number, used: Set<string>): string {
  for (;;) {
    const a = SYLLABLE_A[Math.floor(rnd() * SYLLABLE_A.length)]!;
    const b = SYLLABLE_B[Math.floor(rnd() * SYLLABLE_B.length)]!;
    const name = `${a} ${b}`;
    if (a !== b && !used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);

/** The eleven district submissions of 2018, in reference order. */
export function buildPlan2018(reference: ReferenceData = DEFAULT_REFERENCE, seed = 2018): Submission[] {
  const rnd = seededRandom(seed);
  const numbers = reference.criteria.criteria.map((c) => c.number);
  assert(numbers.length === CRITERIA_2018.length, "the 2018 data need the 19-criteria set");
  assert(
    DISTRICTS.every((d) => reference.districts.some((r) => r.code === d.code)),
    "unknown district",
  );
  const planSum = CRITERIA_2018.reduce((s, c) => s + c.plan, 0);

  const rows = communeRows(rnd, numbers.length, planSum);
  assert(rows.length === 207, "207 communes");
  assert(rows.filter((r) => r.total === numbers.length).length === BAND_PLAN.ntm, "48 NTM planned");
  assert(rows.filter((r) => r.total >= 15 && r.total <= 18).length === BAND_PLAN.upper, "2 in 15-18");
  assert(rows.filter((r) => r.total >= 10 && r.total <= 14).length === BAND_PLAN.middle, "29 in 10-14");
  assert(rows.filter((r) => r.total >= 5 && r.total <= 9).length === BAND_PLAN.lower, "128 in 5-9");
  fillPlan(
    rows,
    numbers,
    CRITERIA_2018.map((c) => c.plan),
    rnd,
  );
  fillBaseline(rows, numbers, rnd);
  assert(rows.filter((r) => r.baseline.size === numbers.length).length === NTM_START, "36 NTM at the start");
  assert(
    rows.every((r) => [...r.baseline].every((n) => r.plan.has(n))),
    "HT ⊆ KH",
  );
  numbers.forEach((n, j) => {
    assert(rows.filter((r) => r.baseline.has(n)).length === CRITERIA_2018[j]!.baseline, `criterion ${n} at the start`);
    assert(rows.filter((r) => r.plan.has(n)).length === CRITERIA_2018[j]!.plan, `criterion ${n} planned`);
  });

  const capital = splitCapital(DISTRICTS.map((d) => d.communes));
  const half = DISTRICTS.findIndex((d) => d.code === HALF_MILLION_DISTRICT);
  const from = DISTRICTS.findIndex((d) => d.code === HALF_MILLION_FROM);
  capital[half]!.central += 500;
  capital[from]!.central -= 500;

  const usedNames = new Set<string>();
  return DISTRICTS.map((d, di) => {
    const ref = reference.districts.find((r) => r.code === d.code)!;
    const own = shuffle(
      rows.filter((r) => r.district === d.code),
      rnd,
    );
    const communes: Commune[] = own.map((r, i) => ({
      code: String(d.codeBase + 3 * i).padStart(5, "0"),
      name: communeName(rnd, usedNames),
      flags: {
        border: r.kind === "border",
        pilotDifficult: r.kind === "pilot",
        ntmTarget: r.kind === "target",
        districtDifficult: r.kind === "districtDifficult",
      },
      baseline: sorted(r.baseline),
      plan: sorted(r.plan),
    }));
    const person = `${FAMILY[di % FAMILY.length]} ${MIDDLE[di % MIDDLE.length]} ${GIVEN[(di * 7) % GIVEN.length]}`;
    return {
      templateVersion: TEMPLATE_VERSION,
      district: d.code,
      districtName: ref.name,
      year: DEMO_YEAR,
      preparedBy: person,
      phone: `0205 3${String(870 + di * 3).padStart(3, "0")} ${String(100 + di * 41).slice(-3)}`,
      preparedOn: `${DEMO_YEAR}-02-${String(5 + di).padStart(2, "0")}`,
      communes,
      capital: capital[di]!,
    };
  });
}
