/**
 * The submission contract (shared/limits.ts, docs/interfaces.md): what the server refuses of a
 * body before its rules run. More than MAX_COMMUNES communes, any other break of the version's
 * schema, or a JSON body over MAX_BODY_BYTES (the API's 413, whose text the message repeats). The
 * CLI (cli/load-workbook.ts) and the browser run these checks before sending, with the same schema
 * and the same byte count as the request would have.
 */
import type { ZodType } from "zod";
import { API_MESSAGES } from "../api/messages.ts";
import { MAX_BODY_BYTES, MAX_COMMUNES, jsonBodyBytes, megabytes } from "../limits.ts";
import type { Issue } from "../result.ts";
import type { Submission } from "../schemas/submission.ts";
import { submissionSchema } from "../schemas/submission.ts";
import type { UnitSubmission } from "../schemas/unit-submission.ts";
import { unitSubmissionSchema } from "../schemas/unit-submission.ts";
import type { Catalogue } from "../text/catalogue.ts";
import { renderBoth } from "../text/catalogue.ts";

export const CONTRACT_TEXTS = {
  "submission.too_many_communes": {
    vi: "Biểu mẫu có {count} xã, quá giới hạn {limit} xã của một lần nộp; máy chủ sẽ từ chối. Hãy xoá các dòng thừa hoặc tách thành nhiều biểu mẫu.",
    en: "The template has {count} communes, over the limit of {limit} per submission; the server would refuse it. Delete extra rows or split it into several templates.",
  },
  "submission.schema_invalid": {
    vi: "Dữ liệu đọc từ biểu mẫu không đúng cấu trúc máy chủ nhận ({path}: {detail}); máy chủ sẽ từ chối.",
    en: "The data read from the template does not have the shape the server accepts ({path}: {detail}); the server would refuse it.",
  },
  "submission.too_large": {
    vi: `${API_MESSAGES["http.413"].vi} Dữ liệu của biểu mẫu này: {size} MB.`,
    en: `${API_MESSAGES["http.413"].en} This template's data: {size} MB.`,
  },
} satisfies Catalogue;

export type ContractCode = keyof typeof CONTRACT_TEXTS;

/** A body as the task pane holds it before sending (addin/model/district-flow.ts `SendBody`). */
export type ContractBody = { version: "NTM-1"; submission: Submission } | { version: "NTM-2"; submission: UnitSubmission };

/** Schema breaks reported at most (zod lists every one; the first ten say enough). */
const MAX_SCHEMA_ISSUES = 10;

function contractIssue(code: ContractCode, params: Record<string, string | number>, sheet: string | null = null): Issue {
  const { vi, en } = renderBoth(CONTRACT_TEXTS, code, params);
  return { code, severity: "error", sheet, cell: null, row: null, commune: null, message: vi, messageEn: en };
}

/**
 * What the server would refuse before its rules, in this order (the first that applies, only):
 * too many communes (at `sheet`), schema breaks (path and zod's detail), a body over MAX_BODY_BYTES.
 */
export function refusedBy<T extends { communes: readonly unknown[] }>(schema: ZodType, sub: T, sheet: string | null): Issue[] {
  if (sub.communes.length > MAX_COMMUNES) {
    return [contractIssue("submission.too_many_communes", { count: sub.communes.length, limit: MAX_COMMUNES }, sheet)];
  }
  const parsed = schema.safeParse(sub);
  if (!parsed.success) {
    return parsed.error.issues
      .slice(0, MAX_SCHEMA_ISSUES)
      .map((i) => contractIssue("submission.schema_invalid", { path: i.path.map(String).join(".") || "-", detail: i.message }));
  }
  const bytes = jsonBodyBytes(sub);
  if (bytes > MAX_BODY_BYTES) return [contractIssue("submission.too_large", { size: megabytes(bytes) })];
  return [];
}

/** What the server would refuse of an NTM-1 body (`submissionSchema`) before its rules. */
export function contractIssues(sub: Submission): Issue[] {
  return refusedBy(submissionSchema, sub, sub.source?.criteriaSheet ?? null);
}

/** The same for an NTM-2 body (`unitSubmissionSchema`). */
export function unitContractIssues(sub: UnitSubmission): Issue[] {
  return refusedBy(unitSubmissionSchema, sub, sub.source?.criteriaSheet ?? null);
}

/** The same for a body of either version, by its `version`: [] when the server would take it to its rules. */
export function bodyContractIssues(body: ContractBody): Issue[] {
  return body.version === "NTM-1" ? contractIssues(body.submission) : unitContractIssues(body.submission);
}
