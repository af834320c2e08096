import type { Issue } from "../result.ts";

/**
 * Response bodies of the Worker API (docs/interfaces.md), shared by the Worker that sends them and the
 * clients (CLI, task pane) that read them. The report's body is `Report` (report.ts).
 */
export type Role = "district" | "office" | "admin";

/** Every error: `{ error: { code, message, messageEn, details? } }`; 422/409 carry `details.issues`. */
export type ApiErrorBody = {
  error: { code: string; message: string; messageEn?: string; details?: { issues?: Issue[] } & Record<string, unknown> };
};

/** GET /api/v1/me */
export type MeResponse = { role: Role; district: string | null; label: string };

/** POST /api/v1/submissions: 201 new revision, 200 deduplicated (the latest revision's own fields). */
export type SubmitResponse = {
  id: string;
  district: string;
  year: number;
  revision: number;
  deduplicated: boolean;
  /** When the returned revision was stored (the earlier one when deduplicated). */
  submittedAt: string;
  warnings: Issue[];
};

/** One revision in GET /api/v1/submissions (and the head of GET /api/v1/submissions/:id). */
export type RevisionInfo = {
  id: string;
  district: string;
  year: number;
  revision: number;
  latest: boolean;
  contentHash: string;
  communes: number;
  preparedBy: string | null;
  phone: string | null;
  submittedBy: string;
  submittedAt: string;
};

/** POST /api/v1/tokens (the token is shown this once). */
export type TokenCreated = { id: string; token: string; role: Role; district: string | null; label: string };
