import type { Submission } from "../schemas/submission.ts";
import { cleanText } from "../text/match.ts";

const cleanOrNull = (s: string | null): string | null => {
  if (s === null) return null;
  const t = cleanText(s);
  return t === "" ? null : t;
};

/**
 * The submission as it is checked and stored, whoever sent it (CLI, add-in, API): every free text
 * cleaned by shared/text/match.ts `cleanText` (NFC, zero-width and control characters removed,
 * inner white space collapsed to one space, trimmed): commune names, `Tên huyện`; `Người lập` and
 * `Số điện thoại` become null when nothing is left. Sheet names are NFC. Run it BEFORE
 * check-submission.ts, whose required checks then see what is stored. Objects that need no change
 * are kept (10,000 clean communes: no copy).
 */
export function cleanSubmission(sub: Submission): Submission {
  return {
    ...sub,
    districtName: cleanText(sub.districtName),
    preparedBy: cleanOrNull(sub.preparedBy),
    phone: cleanOrNull(sub.phone),
    communes: sub.communes.map((c) => {
      const name = cleanText(c.name);
      const sheet = c.source ? c.source.sheet.normalize("NFC") : undefined;
      if (name === c.name && (c.source === undefined || sheet === c.source.sheet)) return c;
      return { ...c, name, ...(c.source ? { source: { ...c.source, sheet: sheet! } } : {}) };
    }),
    ...(sub.source ? { source: { ...sub.source, criteriaSheet: sub.source.criteriaSheet.normalize("NFC") } } : {}),
  };
}
