import { Hono } from "hono";
import { z } from "zod";
import type { AuditResponse } from "../../shared/schemas/api/review.ts";
import { authenticate, requireRole } from "../auth/middleware.ts";
import { listAudit } from "../db/audit.ts";
import type { AppEnv } from "../env.ts";
import { cutPage, readPage } from "../http/pagination.ts";
import { parseYear } from "./reports.ts";

/** The cursor's key of an entry: its sequence number (the list is newest first). */
const auditKeySchema = z.number().int().positive();

/**
 * GET /api/v1/audit?year=&limit=&cursor= (office, admin): every action, newest first, paginated
 * (worker/http/pagination.ts). Read-only: the log has no route that changes it, and the database
 * refuses any update or delete of its rows.
 */
export const audit = new Hono<AppEnv>().use("*", authenticate, requireRole("office", "admin")).get("/", async (c) => {
  const yearText = c.req.query("year");
  const year = yearText === undefined || yearText === "" ? null : parseYear(yearText);
  const page = readPage(c, "audit", [year], auditKeySchema);
  const rows = await listAudit(c.env.DB, { year, before: page.after, limit: page.limit + 1 });
  const cut = cutPage(rows, page, "audit", [year], (e) => e.seq);
  return c.json({ entries: cut.rows, next: cut.next } satisfies AuditResponse);
});
