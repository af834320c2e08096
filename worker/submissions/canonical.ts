import type { Commune, Submission } from "../../shared/schemas/submission.ts";
import type { UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import { sha256, toHex } from "../auth/token-crypto.ts";

/** Stable JSON: object keys sorted at every level, `undefined` members left out. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return "[" + value.map((v) => stableStringify(v === undefined ? null : v)).join(",") + "]";
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return "{" + keys.map((k) => JSON.stringify(k) + ":" + stableStringify(obj[k])).join(",") + "}";
}

const nfcTrim = (s: string): string => s.normalize("NFC").trim();
const nfcTrimOrNull = (s: string | null): string | null => (s === null ? null : nfcTrim(s));

/**
 * The normalisation the pinned content hashes were computed with (test/worker/submissions): NFC,
 * names and free text trimmed. The server now stores `cleanSubmission` (shared/rules/
 * clean-submission.ts: also invisible characters removed and white space collapsed), on whose
 * output this is the identity, so the hash of a clean submission is unchanged.
 */
export function normalizeText(sub: Submission): Submission {
  return {
    ...sub,
    districtName: nfcTrim(sub.districtName),
    preparedBy: nfcTrimOrNull(sub.preparedBy),
    phone: nfcTrimOrNull(sub.phone),
    communes: sub.communes.map((c) => {
      const name = nfcTrim(c.name);
      const sheet = c.source ? c.source.sheet.normalize("NFC") : undefined;
      if (name === c.name && (c.source === undefined || sheet === c.source.sheet)) return c;
      return { ...c, name, ...(c.source ? { source: { ...c.source, sheet: sheet! } } : {}) };
    }),
    ...(sub.source ? { source: { ...sub.source, criteriaSheet: sub.source.criteriaSheet.normalize("NFC") } } : {}),
  };
}

/** Sorted, without repeats; the array itself when it already is (the usual case). */
function sortedUnique(xs: readonly number[]): readonly number[] {
  for (let i = 1; i < xs.length; i++) {
    if (!(xs[i - 1]! < xs[i]!)) return [...new Set(xs)].sort((a, b) => a - b);
  }
  return xs;
}

const byCode = (a: Commune, b: Commune): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Communes in code order (a stable sort); the array itself when already in order. */
function sortedByCode(communes: readonly Commune[]): readonly Commune[] {
  for (let i = 1; i < communes.length; i++) {
    if (byCode(communes[i - 1]!, communes[i]!) > 0) return [...communes].sort(byCode);
  }
  return communes;
}

/**
 * The canonical JSON of the content that identifies a revision: no `source` anywhere, communes
 * sorted by code, criteria sorted without repeats, keys sorted at every level (the stable JSON of
 * that content). One native `JSON.stringify`: every object below is built with its keys already
 * in sorted order, which JSON.stringify keeps (no generic recursive sort, no intermediate copies).
 * The content hash of every stored revision is the SHA-256 of this text, so it must never change
 * (tests pin it). Only the submission schema's members are written: zod strips any others first.
 */
export function canonicalJson(sub: Submission): string {
  const k = sub.capital;
  return JSON.stringify({
    capital: {
      central: k.central,
      community: k.community,
      credit: k.credit,
      enterprise: k.enterprise,
      integrated: k.integrated,
      local: k.local,
      other: k.other,
    },
    communes: sortedByCode(sub.communes).map((c) => ({
      baseline: sortedUnique(c.baseline),
      code: c.code,
      flags: {
        border: c.flags.border,
        districtDifficult: c.flags.districtDifficult,
        ntmTarget: c.flags.ntmTarget,
        pilotDifficult: c.flags.pilotDifficult,
      },
      name: c.name,
      plan: sortedUnique(c.plan),
    })),
    district: sub.district,
    districtName: sub.districtName,
    phone: sub.phone,
    preparedBy: sub.preparedBy,
    preparedOn: sub.preparedOn,
    templateVersion: sub.templateVersion,
    year: sub.year,
  });
}

/**
 * The canonical JSON of an NTM-2 submission (the same idea as `canonicalJson`): no `source`
 * anywhere, communes sorted by code, criteria sorted without repeats, keys (labels and capital
 * STTs included) sorted at every level. Its `templateVersion` keeps it apart from every NTM-1 text.
 * A result-round submission adds `round`, each commune's `achieved` (TH) and `disbursed`, so it never
 * has the hash of a plan; a plan's text has none of them (its hash unchanged).
 */
export function canonicalUnitJson(sub: UnitSubmission): string {
  const communes = [...sub.communes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  // A result also holds its round, TH and disbursed; a plan's text (and so its hash) is as before.
  const result = sub.round === "result";
  return stableStringify({
    capital: sub.capital,
    communes: communes.map((c) => ({
      achieved: result ? sortedUnique(c.achieved ?? []) : undefined,
      attributes: c.attributes,
      baseline: sortedUnique(c.baseline),
      code: c.code,
      flags: c.flags,
      group: c.group,
      name: c.name,
      plan: sortedUnique(c.plan),
    })),
    criteriaSet: sub.criteriaSet,
    disbursed: result ? (sub.disbursed ?? {}) : undefined,
    phone: sub.phone,
    preparedBy: sub.preparedBy,
    preparedOn: sub.preparedOn,
    round: result ? "result" : undefined,
    templateVersion: sub.templateVersion,
    unit: sub.unit,
    unitName: sub.unitName,
    year: sub.year,
  });
}

/**
 * The content hash of a (normalised) submission of either version: SHA-256 (hex) of its canonical
 * JSON. Equal content ⇔ equal hash.
 */
export async function contentHash(sub: Submission | UnitSubmission): Promise<string> {
  return toHex(await sha256(sub.templateVersion === "NTM-1" ? canonicalJson(sub) : canonicalUnitJson(sub)));
}

/** The stored header: the submission without its communes (source columns included), stable JSON. */
export function headerJson(sub: Submission | UnitSubmission): string {
  const { communes: _communes, ...header } = sub;
  return stableStringify(header);
}
