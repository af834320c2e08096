import type { Commune, Submission } from "../../shared/schemas/submission.ts";
import { sha256, toHex } from "../auth/token-crypto.ts";

/** Stable JSON: object keys sorted at every level, `undefined` members left out. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return "[" + value.map((v) => stableStringify(v === undefined ? null : v)).join(",") + "]";
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return "{" + keys.map((k) => JSON.stringify(k) + ":" + stableStringify(obj[k])).join(",") + "}";
}

const nfcTrim = (s: string): string => s.normalize("NFC").trim();
const nfcTrimOrNull = (s: string | null): string | null => (s === null ? null : nfcTrim(s));

/** Text as the store keeps it: NFC, names and free text trimmed (otherwise as typed). */
export function normalizeText(sub: Submission): Submission {
  return {
    ...sub,
    districtName: nfcTrim(sub.districtName),
    preparedBy: nfcTrimOrNull(sub.preparedBy),
    phone: nfcTrimOrNull(sub.phone),
    communes: sub.communes.map((c) => ({
      ...c,
      name: nfcTrim(c.name),
      ...(c.source ? { source: { ...c.source, sheet: c.source.sheet.normalize("NFC") } } : {}),
    })),
    ...(sub.source ? { source: { ...sub.source, criteriaSheet: sub.source.criteriaSheet.normalize("NFC") } } : {}),
  };
}

const sortedUnique = (xs: readonly number[]): number[] => [...new Set(xs)].sort((a, b) => a - b);

/** The content that identifies a revision: no `source`, communes sorted by code, criteria sorted. */
export function canonicalContent(sub: Submission): Omit<Submission, "source"> {
  const { source: _source, ...rest } = sub;
  const communes: Commune[] = sub.communes
    .map(({ source: _s, ...c }) => ({ ...c, baseline: sortedUnique(c.baseline), plan: sortedUnique(c.plan) }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { ...rest, communes };
}

/** SHA-256 (hex) of the stable JSON of canonical content: equal content ⇔ equal hash. */
export async function hashCanonical(canonical: Omit<Submission, "source">): Promise<string> {
  return toHex(await sha256(stableStringify(canonical)));
}

/** The content hash of a submission (its canonical content, hashed). */
export function contentHash(sub: Submission): Promise<string> {
  return hashCanonical(canonicalContent(sub));
}
