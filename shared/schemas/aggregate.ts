import { z } from "zod";
import { BAND_KEYS } from "../reference/bands.ts";
import { CAPITAL_LEAF_KEYS, CAPITAL_SOURCES } from "../reference/capital-sources.ts";
import { GROUP_KEYS } from "../reference/groups.ts";

/**
 * Per-revision aggregate: everything the report needs from one unit's submission under the year's
 * setup, computed when it is stored (and again when the setup changes), so that a report reads one
 * row per unit however many communes there are. Integer counts and integer thousand VND only, so
 * units add up exactly. Bands, groups and capital are keyed (band label, group key, STT of a leaf
 * row), so an aggregate never depends on the position of a row in the setup.
 */
export const AGGREGATE_SCHEMA_VERSION = 2;

const count = z.number().int().nonnegative();
const pair = z.object({ baseline: count, plan: count });
const keyed = z.record(z.string().max(200), count);

export const aggregateSchema = z.object({
  schemaVersion: z.literal(AGGREGATE_SCHEMA_VERSION),
  /** The template version of the revision (an NTM-1 revision keeps `NTM-1`). */
  templateVersion: z.enum(["NTM-1", "NTM-2"]),
  /** The criteria set it was computed under. */
  criteriaSet: z.object({ id: z.string().min(1).max(50), size: count }),
  communes: count,
  /** Communes meeting every criterion of the set (NTM-standard). */
  ntm: pair,
  /** Sum over communes of the number of criteria met. */
  criteriaSum: pair,
  /** Index i: communes meeting criterion i+1. */
  criteria: z.object({ baseline: z.array(count), plan: z.array(count) }),
  /** Communes per band, by band label (`19`, `8-9`, `<5`). */
  bands: z.object({ baseline: keyed, plan: keyed }),
  /** Per report group key (`border`, `group1`, `attr:Xã biên giới`, `flag:...`). */
  groups: z.record(z.string().max(210), z.object({ communes: count, criteriaSum: pair })),
  /** Leaf capital rows by STT, integer thousand VND. */
  capital: z.record(z.string().max(20), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)),
  /** Communes of the submission that the setup's commune list does not have (by code). */
  unlisted: z.array(z.object({ code: z.string(), name: z.string() })),
  /**
   * Result round only (docs/cycle.md): what was achieved (TH) at 31 December, in the same keys:
   * NTM communes achieved, the sum of criteria achieved, communes achieving each criterion, communes
   * per band and the sum of criteria achieved per report group; capital disbursed by leaf STT.
   */
  result: z
    .object({
      ntm: count,
      criteriaSum: count,
      criteria: z.array(count),
      bands: keyed,
      groups: z.record(z.string().max(210), count),
      disbursed: z.record(z.string().max(20), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)),
    })
    .optional(),
});

export type Aggregate = z.infer<typeof aggregateSchema>;

/**
 * The aggregate as stored before setups (schema 1, NTM-1 only): bands and groups by position/key of
 * docs/domain.md, capital by the NTM-1 keys. D1 rows written then are read through this.
 */
export const legacyAggregateSchema = z.object({
  communes: count,
  ntm: pair,
  criteriaSum: pair,
  criteria: z.object({ baseline: z.array(count), plan: z.array(count) }),
  bands: z.object({ baseline: z.array(count), plan: z.array(count) }),
  groups: z.object(
    Object.fromEntries(GROUP_KEYS.map((g) => [g, z.object({ communes: count, criteriaSum: pair })])) as {
      [K in (typeof GROUP_KEYS)[number]]: z.ZodObject<{ communes: typeof count; criteriaSum: typeof pair }>;
    },
  ),
  capital: z.object(
    Object.fromEntries(CAPITAL_LEAF_KEYS.map((k) => [k, count])) as {
      [K in (typeof CAPITAL_LEAF_KEYS)[number]]: typeof count;
    },
  ),
});

export type LegacyAggregate = z.infer<typeof legacyAggregateSchema>;

const LEAF_STT = Object.fromEntries(CAPITAL_SOURCES.filter((s) => s.stt !== null && !s.sumOf).map((s) => [s.key, s.stt as string]));

/** A schema-1 aggregate in the current shape: the 2016-2020 set, its bands, groups and capital rows. */
export function fromLegacyAggregate(a: LegacyAggregate): Aggregate {
  const bands = (list: readonly number[]) => Object.fromEntries(BAND_KEYS.map((k, i) => [k, list[i] ?? 0]));
  return {
    schemaVersion: AGGREGATE_SCHEMA_VERSION,
    templateVersion: "NTM-1",
    criteriaSet: { id: "2016-2020", size: a.criteria.baseline.length },
    communes: a.communes,
    ntm: a.ntm,
    criteriaSum: a.criteriaSum,
    criteria: a.criteria,
    bands: { baseline: bands(a.bands.baseline), plan: bands(a.bands.plan) },
    groups: Object.fromEntries(GROUP_KEYS.map((g) => [g, a.groups[g]])),
    capital: Object.fromEntries(CAPITAL_LEAF_KEYS.map((k) => [LEAF_STT[k] as string, a.capital[k]])),
    unlisted: [],
  };
}

/** A stored aggregate of either schema, in the current shape. */
export const storedAggregateSchema = z.union([aggregateSchema, legacyAggregateSchema.transform(fromLegacyAggregate)]);

/** The aggregate JSON a D1 row holds (current or schema 1); throws on anything else (a broken row). */
export function readStoredAggregate(json: string): Aggregate {
  return storedAggregateSchema.parse(JSON.parse(json));
}
