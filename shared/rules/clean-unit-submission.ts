import type { UnitSubmission } from "../schemas/unit-submission.ts";
import { cleanText } from "../text/match.ts";

const cleanOrNull = (s: string | null): string | null => {
  if (s === null) return null;
  const t = cleanText(s);
  return t === "" ? null : t;
};

/** Attribute and flag labels as stored: cleaned (`cleanText`), so the same label is one key. */
function cleanLabels(record: Readonly<Record<string, boolean>>): Record<string, boolean> {
  let changed = false;
  const out: Record<string, boolean> = {};
  for (const [label, v] of Object.entries(record)) {
    const k = cleanText(label);
    if (k !== label) changed = true;
    if (!(k in out)) out[k] = v;
  }
  return changed ? out : (record as Record<string, boolean>);
}

/**
 * A unit's submission as it is checked and stored, whoever sent it (clean-submission.ts for
 * NTM-2): every free text cleaned by shared/text/match.ts `cleanText` (NFC, zero-width and control
 * characters removed, white space collapsed, trimmed): commune names and labels, `Tên đơn vị`;
 * `Người lập` and `Số điện thoại` become null when nothing is left; sheet names NFC. Run it BEFORE
 * check-unit-submission.ts. Communes that need no change are kept as they are.
 */
export function cleanUnitSubmission(sub: UnitSubmission): UnitSubmission {
  return {
    ...sub,
    unitName: cleanText(sub.unitName),
    criteriaSet: cleanText(sub.criteriaSet),
    preparedBy: cleanOrNull(sub.preparedBy),
    phone: cleanOrNull(sub.phone),
    communes: sub.communes.map((c) => {
      const name = cleanText(c.name);
      const attributes = cleanLabels(c.attributes);
      const flags = cleanLabels(c.flags);
      const sheet = c.source ? c.source.sheet.normalize("NFC") : undefined;
      if (name === c.name && attributes === c.attributes && flags === c.flags && (c.source === undefined || sheet === c.source.sheet)) {
        return c;
      }
      return { ...c, name, attributes, flags, ...(c.source ? { source: { ...c.source, sheet: sheet! } } : {}) };
    }),
    ...(sub.source ? { source: { ...sub.source, criteriaSheet: sub.source.criteriaSheet.normalize("NFC") } } : {}),
  };
}
