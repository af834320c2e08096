import type { Issue, Result } from "../result.ts";
import type { ReferenceData } from "../reference/index.ts";
import type { Report } from "../schemas/report.ts";
import type { Submission } from "../schemas/submission.ts";
import { aggregateSubmission } from "./aggregate.ts";
import { buildReport } from "./build-report.ts";
import type { ReportEntry } from "./build-report.ts";

/** A parsed district workbook and the file it came from. */
export type ConsolidationFile = { file: string; submission: Submission };

function issue(code: string, severity: Issue["severity"], message: string, messageEn: string, commune: string | null = null): Issue {
  return { code, severity, sheet: null, cell: null, row: null, commune, message, messageEn };
}

/**
 * The CLI's local consolidation (docs/interfaces.md `consolidate`, no server): all files must be of one
 * plan year; two files of the same district → the later one in the list wins, with a warning; the
 * same `Mã xã` in two districts' files is an error. revision/submittedAt/submittedBy are null;
 * preparedBy and phone come from each submission's `Thông tin`.
 */
export function consolidateSubmissions(files: readonly ConsolidationFile[], reference: ReferenceData, generatedAt: string): Result<Report> {
  if (files.length === 0) {
    return { ok: false, issues: [issue("consolidate.no_files", "error",
      "Không có tệp nào để tổng hợp. Hãy chỉ ra ít nhất một tệp biểu mẫu của huyện.",
      "There is no file to consolidate. Name at least one district template file.")] };
  }

  const byYear = new Map<number, string[]>();
  for (const f of files) {
    const list = byYear.get(f.submission.year) ?? [];
    list.push(f.file);
    byYear.set(f.submission.year, list);
  }
  if (byYear.size > 1) {
    const parts = [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([y, fs]) => `${y}: ${fs.join(", ")}`);
    return { ok: false, issues: [issue("consolidate.year_mismatch", "error",
      `Các tệp thuộc nhiều năm kế hoạch khác nhau (${parts.join("; ")}). Chỉ tổng hợp các tệp của cùng một năm.`,
      `The files are of different plan years (${parts.join("; ")}). Consolidate files of one plan year only.`)] };
  }
  const year = files[0]!.submission.year;

  const warnings: Issue[] = [];
  const chosen = new Map<string, ConsolidationFile>();
  for (const f of files) {
    const prev = chosen.get(f.submission.district);
    if (prev) {
      const d = f.submission.district;
      warnings.push(issue("consolidate.district_duplicate", "warning",
        `Hai tệp của cùng huyện ${d}: ${prev.file} và ${f.file}. Dùng tệp sau (${f.file}), bỏ qua ${prev.file}.`,
        `Two files of the same district ${d}: ${prev.file} and ${f.file}. The later one (${f.file}) is used, ${prev.file} is ignored.`));
      chosen.delete(d); // re-insert so that the map keeps command-line order of the winners
    }
    chosen.set(f.submission.district, f);
  }

  const errors: Issue[] = [];
  const owner = new Map<string, ConsolidationFile>();
  const reported = new Set<string>();
  for (const f of chosen.values()) {
    for (const c of f.submission.communes) {
      const first = owner.get(c.code);
      if (!first) { owner.set(c.code, f); continue; }
      if (first === f) continue; // a duplicate inside one file is the parser's issue
      const key = `${c.code}|${first.file}|${f.file}`;
      if (reported.has(key)) continue;
      reported.add(key);
      errors.push(issue("consolidate.commune_in_two_districts", "error",
        `Mã xã ${c.code} (${c.name}) có trong tệp của hai huyện: ${first.file} (huyện ${first.submission.district}) và ${f.file} (huyện ${f.submission.district}). Một xã chỉ thuộc một huyện; hãy sửa mã xã ở tệp sai.`,
        `Commune code ${c.code} (${c.name}) is in the files of two districts: ${first.file} (district ${first.submission.district}) and ${f.file} (district ${f.submission.district}). A commune belongs to one district; correct the code in the wrong file.`,
        c.code));
    }
  }
  if (errors.length > 0) return { ok: false, issues: [...errors, ...warnings] };

  const entries: ReportEntry[] = [...chosen.values()].map((f) => ({
    district: f.submission.district,
    aggregate: aggregateSubmission(f.submission, reference.criteria),
    revision: null, submittedAt: null, submittedBy: null,
    preparedBy: f.submission.preparedBy, phone: f.submission.phone,
    status: "submitted",
  }));
  return { ok: true, value: buildReport({ year, generatedAt, reference, entries }), warnings };
}
