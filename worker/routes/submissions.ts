import { Hono } from "hono";
import { z } from "zod";
import { districtCodeSchema } from "../../shared/schemas/api.ts";
import type { RevisionInfo, RevisionResponse, SubmissionsResponse, SubmitResponse } from "../../shared/schemas/api.ts";
import { submissionSchema } from "../../shared/schemas/submission.ts";
import type { Submission } from "../../shared/schemas/submission.ts";
import { authenticate } from "../auth/middleware.ts";
import { getRevision, listRevisions } from "../db/submissions.ts";
import type { RevisionKey, RevisionRow } from "../db/submissions.ts";
import type { AppEnv } from "../env.ts";
import { limitBody, readJson } from "../http/body.ts";
import { forbidden, fromZod, malformed, notFound } from "../http/errors.ts";
import { cutPage, readPage } from "../http/pagination.ts";
import { fromStoredCommune } from "../submissions/commune-bits.ts";
import { submitRevision } from "../submissions/submit.ts";
import { parseYear } from "./reports.ts";

function revisionInfo(r: RevisionRow): RevisionInfo {
  return {
    id: r.id,
    district: r.district,
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

/** The `district` query filter (shared/schemas/api.ts), else 400; empty counts as absent. */
function parseDistrict(text: string | undefined): string | null {
  if (text === undefined || text === "") return null;
  const parsed = districtCodeSchema.safeParse(text);
  if (!parsed.success) throw malformed("Mã huyện không hợp lệ.", "Invalid district code.");
  return parsed.data;
}

/** The cursor's key of a revision: [year, district, revision], the list's sort key. */
const revisionKeySchema = z
  .tuple([z.number().int(), districtCodeSchema, z.number().int().positive()])
  .transform(([year, district, revision]): RevisionKey => ({ year, district, revision }));
const revisionKey = (r: RevisionRow): z.input<typeof revisionKeySchema> => [r.year, r.district, r.revision];

/**
 * POST /api/v1/submissions (district: own district only; office, admin: any),
 * GET /api/v1/submissions?year=&district=&limit=&cursor= (district: own only, else 403; paginated,
 *   worker/http/pagination.ts),
 * GET /api/v1/submissions/:id (district: own only, else 404).
 */
export const submissions = new Hono<AppEnv>()
  .use("*", authenticate)
  .post("/", limitBody, async (c) => {
    const parsed = submissionSchema.safeParse(await readJson(c));
    if (!parsed.success) throw fromZod(parsed.error);
    const { status, body } = await submitRevision(c.env.DB, c.get("principal"), parsed.data, new Date());
    return c.json(body satisfies SubmitResponse, status);
  })
  .get("/", async (c) => {
    const p = c.get("principal");
    const yearText = c.req.query("year");
    const year = yearText === undefined || yearText === "" ? null : parseYear(yearText);
    let district = parseDistrict(c.req.query("district"));
    if (p.role === "district") {
      if (district !== null && district !== p.district) throw forbidden();
      district = p.district;
    }
    const scope = [year, district];
    const page = readPage(c, "submissions", scope, revisionKeySchema);
    const rows = await listRevisions(c.env.DB, { year, district, after: page.after, limit: page.limit + 1 });
    const cut = cutPage(rows, page, "submissions", scope, revisionKey);
    return c.json({ submissions: cut.rows.map(revisionInfo), next: cut.next } satisfies SubmissionsResponse);
  })
  .get("/:id", async (c) => {
    const p = c.get("principal");
    const found = await getRevision(c.env.DB, c.req.param("id"), p.role === "district" ? p.district : null);
    if (!found) throw notFound("submission");
    const header = JSON.parse(found.row.header) as Omit<Submission, "communes">;
    const submission: Submission = { ...header, communes: found.communes.map((r) => fromStoredCommune(r, header)) };
    return c.json({ ...revisionInfo(found.row), submission } satisfies RevisionResponse);
  });
