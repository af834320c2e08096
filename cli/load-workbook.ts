import type { Issue, Result } from "../shared/result.ts";
import type { Submission } from "../shared/schemas/submission.ts";
import { submissionSchema } from "../shared/schemas/submission.ts";
import { API_MESSAGES } from "../shared/api/messages.ts";
import { MAX_BODY_BYTES, MAX_COMMUNES, jsonBodyBytes, megabytes } from "../shared/limits.ts";
import type { SheetInput } from "../shared/template/input.ts";
import { DEFAULT_REFERENCE } from "../shared/reference/index.ts";
import { INFO_KEYS, SHEETS } from "../shared/template/labels.ts";
import type { Catalogue } from "../shared/text/catalogue.ts";
import { renderBoth } from "../shared/text/catalogue.ts";
import { isWord } from "../shared/text/match.ts";
import { isPlanYear } from "../shared/schemas/plan-year.ts";
import { parseWorkbook } from "../shared/template/parse.ts";
import { readWorkbookFile } from "./xlsx/read-workbook.ts";

export const LOAD_TEXTS = {
  "parser.crashed": { vi: "Lỗi nội bộ khi đọc biểu mẫu: {detail}", en: "Internal error while reading the template: {detail}" },
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

function fileIssue(code: keyof typeof LOAD_TEXTS, params: Record<string, string | number>, sheet: string | null = null): Issue {
  const { vi, en } = renderBoth(LOAD_TEXTS, code, params);
  return { code, severity: "error", sheet, cell: null, row: null, commune: null, message: vi, messageEn: en };
}

/**
 * What the server would refuse before its rules (docs/interfaces.md): more than MAX_COMMUNES
 * communes, any other break of `submissionSchema`, or a JSON body over MAX_BODY_BYTES (413). The
 * same schema and the same byte count as the request `submit` would send (shared/limits.ts).
 */
export function contractIssues(sub: Submission): Issue[] {
  if (sub.communes.length > MAX_COMMUNES) {
    return [
      fileIssue("submission.too_many_communes", { count: sub.communes.length, limit: MAX_COMMUNES }, sub.source?.criteriaSheet ?? null),
    ];
  }
  const parsed = submissionSchema.safeParse(sub);
  if (!parsed.success) {
    return parsed.error.issues
      .slice(0, 10)
      .map((i) => fileIssue("submission.schema_invalid", { path: i.path.map(String).join(".") || "-", detail: i.message }));
  }
  const bytes = jsonBodyBytes(sub);
  if (bytes > MAX_BODY_BYTES) return [fileIssue("submission.too_large", { size: megabytes(bytes) })];
  return [];
}

/** One file read and parsed: the submission or the issues, plus district/year where readable. */
export type LoadedFile = {
  file: string;
  ok: boolean;
  district: string | null;
  year: number | null;
  submission: Submission | null;
  /** Errors and warnings (warnings only when ok). */
  issues: Issue[];
};

/** Best effort: `Mã huyện` and `Năm kế hoạch` from `Thông tin`, for reports on invalid files. */
function identity(sheets: readonly SheetInput[]): { district: string | null; year: number | null } {
  const info = sheets.find((s) => isWord(s.name, SHEETS.info));
  let district: string | null = null;
  let year: number | null = null;
  for (const row of info?.values ?? []) {
    if (!Array.isArray(row)) continue;
    for (let i = 0; i + 1 < row.length; i++) {
      const v = row[i + 1];
      if (isWord(row[i], INFO_KEYS.districtCode) && district === null) {
        if (typeof v === "number" && Number.isInteger(v)) district = String(v);
        else if (typeof v === "string" && /^\s*\d{1,5}\s*$/.test(v)) district = v.trim();
      }
      if (isWord(row[i], INFO_KEYS.year) && year === null) {
        const n = typeof v === "number" ? v : typeof v === "string" ? Number(v.trim()) : NaN;
        if (isPlanYear(n)) year = n;
      }
    }
  }
  return { district, year };
}

export async function loadWorkbook(file: string): Promise<LoadedFile> {
  const read = await readWorkbookFile(file);
  if (!read.ok) return { file, ok: false, district: null, year: null, submission: null, issues: read.issues };
  let parsed: Result<Submission>;
  try {
    parsed = parseWorkbook(read.value, DEFAULT_REFERENCE);
  } catch (e) {
    // The parser promises never to throw; if it does, say so instead of crashing.
    const { vi, en } = renderBoth(LOAD_TEXTS, "parser.crashed", { detail: e instanceof Error ? e.message : String(e) });
    parsed = {
      ok: false,
      issues: [
        {
          code: "parser.crashed",
          severity: "error",
          sheet: null,
          cell: null,
          row: null,
          commune: null,
          message: vi,
          messageEn: en,
        },
      ],
    };
  }
  if (parsed.ok) {
    const s = parsed.value;
    const refused = contractIssues(s);
    if (refused.length > 0)
      return { file, ok: false, district: s.district, year: s.year, submission: null, issues: [...refused, ...parsed.warnings] };
    return { file, ok: true, district: s.district, year: s.year, submission: s, issues: parsed.warnings };
  }
  return { file, ok: false, ...identity(read.value), submission: null, issues: parsed.issues };
}

/** Files in command-line order. */
export async function loadWorkbooks(files: readonly string[]): Promise<LoadedFile[]> {
  const out: LoadedFile[] = [];
  for (const f of files) out.push(await loadWorkbook(f));
  return out;
}
