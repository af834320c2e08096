import { Hono } from "hono";
import { z } from "zod";
import { districtCodeSchema, roundSchema, unitCodeSchema } from "../../shared/schemas/api/common.ts";
import type { Round } from "../../shared/schemas/api/common.ts";
import { submitRequestSchema } from "../../shared/schemas/api/submissions.ts";
import type { RevisionInfo, RevisionResponse, SubmissionsResponse, SubmitResponse } from "../../shared/schemas/api/submissions.ts";
import { authenticate } from "../auth/middleware.ts";
import { getRevision, listRevisions } from "../db/revisions.ts";
import type { RevisionKey, RevisionRow } from "../db/revisions.ts";
import type { AppEnv } from "../env.ts";
import { limitBody, readJson } from "../http/body.ts";
import { forbidden, fromZod, malformed, notFound } from "../http/errors.ts";
import { cutPage, readPage } from "../http/pagination.ts";
import { storedSubmission } from "../submissions/stored-submission.ts";
import { submitRevision } from "../submissions/submit.ts";
import { parseYear } from "./reports.ts";
import { now } from "../http/clock.ts";

function revisionInfo(r: RevisionRow): RevisionInfo {
  return {
    id: r.id,
    district: r.unit,
    unit: r.unit,
    round: r.round,
    year: r.year,
    revision: r.revision,
    latest: r.latest === 1,
    contentHash: r.content_hash,
    communes: r.communes,
    preparedBy: r.prepared_by,
    phone: r.phone,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
  };
}

const bad = (field: string, vi: string, en: string) =>
  malformed(vi, en, { issues: [{ path: field, code: "invalid_string", message: en }] });

/** The unit filter: `unit` (3 or 5 digits) or its older name `district` (3 digits), else 400; empty counts as absent. */
function parseUnit(unitText: string | undefined, districtText: string | undefined): string | null {
  const unit = unitText === undefined || unitText === "" ? null : unitText;
  const district = districtText === undefined || districtText === "" ? null : districtText;
  if (unit !== null && district !== null)
    throw bad("unit", "Chỉ dùng một trong hai tham số unit, district.", "Give unit or district, not both.");
  if (district !== null && !districtCodeSchema.safeParse(district).success) {
    throw bad("district", "Mã huyện không hợp lệ.", "Invalid district code.");
  }
  if (unit !== null && !unitCodeSchema.safeParse(unit).success) throw bad("unit", "Mã đơn vị không hợp lệ.", "Invalid unit code.");
  return unit ?? district;
}

function parseRound(text: string | undefined): Round | null {
  if (text === undefined || text === "") return null;
  const parsed = roundSchema.safeParse(text);
  if (!parsed.success) throw bad("round", "Đợt báo cáo phải là plan hoặc result.", "The round must be plan or result.");
  return parsed.data;
}

/** The cursor's key of a revision: [year, unit, round, revision], the list's sort key. */
const revisionKeySchema = z
  .tuple([z.number().int(), unitCodeSchema, roundSchema, z.number().int().positive()])
  .transform(([year, unit, round, revision]): RevisionKey => ({ year, unit, round, revision }));
const revisionKey = (r: RevisionRow): z.input<typeof revisionKeySchema> => [r.year, r.unit, r.round, r.revision];

/**
 * POST /api/v1/submissions: an NTM-1 (`district`) or NTM-2 (`unit`) body (unit token: its own unit,
 *   in a year whose setup lists it; office, admin: any unit); worker/submissions/submit.ts,
 * GET /api/v1/submissions?year=&unit=&round=&limit=&cursor= (`district` = `unit`; unit token: own
 *   only, else 403; paginated, worker/http/pagination.ts),
 * GET /api/v1/submissions/:id (unit token: own only, else 404).
 */
export const submissions = new Hono<AppEnv>()
  .use("*", authenticate)
  .post("/", limitBody, async (c) => {
    const parsed = submitRequestSchema.safeParse(await readJson(c));
    if (!parsed.success) throw fromZod(parsed.error);
    const { status, body } = await submitRevision(c.env.DB, c.get("principal"), parsed.data, now(c.env));
    return c.json(body satisfies SubmitResponse, status);
  })
  .get("/", async (c) => {
    const p = c.get("principal");
    const yearText = c.req.query("year");
    const year = yearText === undefined || yearText === "" ? null : parseYear(yearText);
    let unit = parseUnit(c.req.query("unit"), c.req.query("district"));
    const round = parseRound(c.req.query("round"));
    if (p.role === "unit") {
      if (unit !== null && unit !== p.unit) throw forbidden();
      unit = p.unit;
    }
    const scope = [year, unit, round];
    const page = readPage(c, "submissions", scope, revisionKeySchema);
    const rows = await listRevisions(c.env.DB, { year, unit, round, after: page.after, limit: page.limit + 1 });
    const cut = cutPage(rows, page, "submissions", scope, revisionKey);
    return c.json({ submissions: cut.rows.map(revisionInfo), next: cut.next } satisfies SubmissionsResponse);
  })
  .get("/:id", async (c) => {
    const p = c.get("principal");
    const found = await getRevision(c.env.DB, c.req.param("id"), p.role === "unit" ? p.unit : null);
    if (!found) throw notFound("submission");
    const submission = storedSubmission(found.row, found.communes);
    return c.json({ ...revisionInfo(found.row), submission } satisfies RevisionResponse);
  });
