/**
 * Demo plan data for ANY year's setup (the 2027 plan of cli/demo/setup-2027.ts among them): one
 * NTM-2 submission per unit, pure and deterministic (seeded by the year and the commune code), and
 * built to pass every rule without a warning, so that each filled template validates clean:
 * - KH keeps every criterion of HT (no regression) and plans at least 5 (none under five);
 * - one commune in six has every criterion already (no target flag), one in six is an NTM target:
 *   HT lacks one to three criteria, KH has all of them; the others plan one to three more;
 * - registered communes type the group and fixed attributes of the commune list (no mismatch);
 *   without a list, 3 invented communes per unit (codes: the unit code then 01, 02, 03), group
 *   1/2/3 in turn where the set has groups, `Xã biên giới` only in a border unit;
 * - the setup's own plan flags are set on one commune in seven; the 2016-2020 flag `Xã ĐBKK do
 *   huyện chọn` is never set (its rule asks for criteria a random plan would miss);
 * - capital: every leaf row of the setup, whole million VND (so the `tỷ đồng` typing stays exact).
 * THE DATA IS INVENTED: it stands for no real plan.
 */
import type { Setup, SetupCommune } from "../../shared/setup/types.ts";
import type { UnitCommune, UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import { BORDER_DISTRICT_ATTRIBUTE } from "../../shared/setup/defaults.ts";
import { NTM_TARGET_FLAG } from "../../shared/setup/types.ts";
import { capitalPlan } from "../../shared/report/capital-rows.ts";
import { CRITERIA_COLUMNS } from "../../shared/template/labels.ts";
import { NTM2_VERSION, ntm2Columns } from "../../shared/template/ntm2-columns.ts";
import { matchKey } from "../../shared/text/match.ts";
import { seededRandom } from "./plan-2018.ts";

const PREPARERS = ["Nguyễn Văn An", "Hoàng Thị Bình", "Lương Văn Chung", "Vi Thị Dung", "Nông Văn Hải", "Lộc Thị Hoa", "Hà Văn Khánh"];

/** A stable seed from the year and a code. */
function seedOf(year: number, code: string): number {
  let h = year >>> 0;
  for (const ch of code) h = Math.imul(h ^ ch.charCodeAt(0), 0x9e3779b1) >>> 0;
  return h;
}

/** `count` distinct criteria of `numbers`, in a seeded random order. */
function pick(numbers: readonly number[], count: number, rnd: () => number): number[] {
  const xs = [...numbers];
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs.slice(0, count);
}

const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);

/** HT and KH of the g-th commune of the plan (see the header for the mix). */
function criteriaOf(numbers: readonly number[], g: number, rnd: () => number): { baseline: number[]; plan: number[]; target: boolean } {
  const n = numbers.length;
  if (g % 6 === 0) return { baseline: [...numbers], plan: [...numbers], target: false };
  if (g % 6 === 1) {
    const lacking = new Set(pick(numbers, 1 + Math.floor(rnd() * Math.min(3, n - 1)), rnd));
    return { baseline: numbers.filter((k) => !lacking.has(k)), plan: [...numbers], target: true };
  }
  const baselineSize = Math.min(n - 2, 2 + Math.floor(rnd() * Math.max(1, n - 3)));
  const order = pick(numbers, n, rnd);
  const baseline = order.slice(0, baselineSize);
  const planSize = Math.min(n - 1, Math.max(Math.min(5, n - 1), baselineSize + 1 + Math.floor(rnd() * 3)));
  return { baseline: sorted(baseline), plan: sorted(order.slice(0, planSize)), target: false };
}

/** The communes a unit reports: the registered ones, or three invented ones without a list. */
function communesOf(setup: Setup, unit: string): { code: string; name: string; registered: SetupCommune | null }[] {
  if (setup.communes !== null)
    return setup.communes.filter((c) => c.unit === unit).map((c) => ({ code: c.code, name: c.name, registered: c }));
  return [1, 2, 3].map((i) => ({ code: `${unit}0${i}`, name: `Xã mẫu ${unit}-${i}`, registered: null }));
}

/** One submission per unit of the setup, in the setup's order. */
export function planForSetup(setup: Setup): UnitSubmission[] {
  const numbers = setup.criteriaSet.criteria.map((c) => c.number);
  const columns = ntm2Columns(setup);
  const districtDifficult = new Set(CRITERIA_COLUMNS.districtDifficult.map(matchKey));
  const ownFlags = columns.marks.filter(
    (m) => m.kind === "flag" && matchKey(m.label) !== matchKey(NTM_TARGET_FLAG) && !districtDifficult.has(matchKey(m.label)),
  );
  const plan = capitalPlan(setup.capitalRows);
  let g = 0;
  return setup.units.map((unit, u) => {
    const border = unit.attributes[BORDER_DISTRICT_ATTRIBUTE] === true;
    const communes: UnitCommune[] = communesOf(setup, unit.code).map((c) => {
      const rnd = seededRandom(seedOf(setup.year, c.code));
      const { baseline, plan: kh, target } = criteriaOf(numbers, g, rnd);
      const attributes: Record<string, boolean> = {};
      const flags: Record<string, boolean> = {};
      for (const m of columns.marks) {
        if (m.kind === "attribute") attributes[m.label] = c.registered ? c.registered.attributes[m.label] === true : border && g % 5 === 0;
        else
          flags[m.label] =
            matchKey(m.label) === matchKey(NTM_TARGET_FLAG) ? target : ownFlags.includes(m) && (g + ownFlags.indexOf(m)) % 7 === 3;
      }
      const group = c.registered ? c.registered.group : columns.group ? (((g % 3) + 1) as 1 | 2 | 3) : null;
      g++;
      return { code: c.code, name: c.name, group, attributes, flags, baseline, plan: kh };
    });
    const rnd = seededRandom(seedOf(setup.year, unit.code));
    const capital = Object.fromEntries(plan.leaves.map((stt) => [stt, (100 + Math.floor(rnd() * 9_000)) * 1000]));
    return {
      templateVersion: NTM2_VERSION,
      unit: unit.code,
      unitName: unit.name,
      year: setup.year,
      criteriaSet: setup.criteriaSet.id,
      preparedBy: PREPARERS[u % PREPARERS.length]!,
      phone: `0205 3${String(100_000 + ((u * 7919) % 900_000)).slice(0, 5)}`,
      preparedOn: `${setup.year}-02-${String(10 + (u % 18)).padStart(2, "0")}`,
      communes,
      capital,
    };
  });
}
