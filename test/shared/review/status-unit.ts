import type { StatusUnit } from "../../../shared/schemas/api/review.ts";

/**
 * A unit's line of GET /api/v1/status (docs/review.md): `missing` with every other field null or
 * empty, unless `fields` says otherwise. Pure data (also for the worker tests in workerd).
 */
export function statusUnit(code: string, name: string, fields: Partial<StatusUnit> = {}): StatusUnit {
  return {
    code,
    name,
    status: "missing",
    revision: null,
    submittedAt: null,
    firstSubmittedAt: null,
    daysLate: null,
    acceptedRevision: null,
    comment: null,
    cells: [],
    reviewedAt: null,
    reviewedBy: null,
    ...fields,
  };
}
