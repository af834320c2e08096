import type { Issue, Result } from "../result.ts";
import type { ReferenceData } from "../reference/index.ts";
import type { Report } from "../schemas/report.ts";
import type { Submission } from "../schemas/submission.ts";
import type { Catalogue, Params } from "../text/catalogue.ts";
import { renderBoth } from "../text/catalogue.ts";
import { aggregateSubmission } from "./aggregate.ts";
import { buildReport } from "./build-report.ts";
import type { ReportEntry } from "./build-report.ts";

/** A parsed district workbook and the file it came from. */
export type ConsolidationFile = { file: string; submission: Submission };

/** The issues of a local consolidation (issue code → texts). */
export const CONSOLIDATE_TEXTS = {
  "consolidate.no_files": {
    vi: "Không có tệp nào để tổng hợp. Hãy chỉ ra ít nhất một tệp biểu mẫu của huyện.",
    en: "There is no file to consolidate. Name at least one district template file.",
  },
  "consolidate.year_mismatch": {
    vi: "Các tệp thuộc nhiều năm kế hoạch khác nhau ({years}). Chỉ tổng hợp các tệp của cùng một năm.",
    en: "The files are of different plan years ({years}). Consolidate files of one plan year only.",
  },
  "consolidate.district_duplicate": {
    vi: "Hai tệp của cùng huyện {district}: {first} và {later}. Dùng tệp sau ({later}), bỏ qua {first}.",
    en: "Two files of the same district {district}: {first} and {later}. The later one ({later}) is used, {first} is ignored.",
  },
  "consolidate.commune_in_two_districts": {
    vi: "Mã xã {code} ({name}) có trong tệp của hai huyện: {first} (huyện {firstDistrict}) và {later} (huyện {laterDistrict}). Một xã chỉ thuộc một huyện; hãy sửa mã xã ở tệp sai.",
    en: "Commune code {code} ({name}) is in the files of two districts: {first} (district {firstDistrict}) and {later} (district {laterDistrict}). A commune belongs to one district; correct the code in the wrong file.",
  },
} satisfies Catalogue;

function issue(
  code: keyof typeof CONSOLIDATE_TEXTS,
  severity: Issue["severity"],
  params: Params = {},
  commune: string | null = null,
): Issue {
  const { vi, en } = renderBoth(CONSOLIDATE_TEXTS, code, params);
  return { code, severity, sheet: null, cell: null, row: null, commune, message: vi, messageEn: en };
}

/**
 * The CLI's local consolidation (docs/interfaces.md `consolidate`, no server): all files must be of one
 * plan year; two files of the same district → the later one in the list wins, with a warning; the
 * same `Mã xã` in two districts' files is an error. revision/submittedAt/submittedBy are null;
 * preparedBy and phone come from each submission's `Thông tin`.
 */
export function consolidateSubmissions(files: readonly ConsolidationFile[], reference: ReferenceData, generatedAt: string): Result<Report> {
  if (files.length === 0) {
    return { ok: false, issues: [issue("consolidate.no_files", "error")] };
  }

  const byYear = new Map<number, string[]>();
  for (const f of files) {
    const list = byYear.get(f.submission.year) ?? [];
    list.push(f.file);
    byYear.set(f.submission.year, list);
  }
  if (byYear.size > 1) {
    const parts = [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([y, fs]) => `${y}: ${fs.join(", ")}`);
    return { ok: false, issues: [issue("consolidate.year_mismatch", "error", { years: parts.join("; ") })] };
  }
  const year = files[0]!.submission.year;

  const warnings: Issue[] = [];
  const chosen = new Map<string, ConsolidationFile>();
  for (const f of files) {
    const prev = chosen.get(f.submission.district);
    if (prev) {
      const d = f.submission.district;
      warnings.push(issue("consolidate.district_duplicate", "warning", { district: d, first: prev.file, later: f.file }));
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
      if (!first) {
        owner.set(c.code, f);
        continue;
      }
      if (first === f) continue; // a duplicate inside one file is the parser's issue
      const key = `${c.code}|${first.file}|${f.file}`;
      if (reported.has(key)) continue;
      reported.add(key);
      errors.push(
        issue(
          "consolidate.commune_in_two_districts",
          "error",
          {
            code: c.code,
            name: c.name,
            first: first.file,
            firstDistrict: first.submission.district,
            later: f.file,
            laterDistrict: f.submission.district,
          },
          c.code,
        ),
      );
    }
  }
  if (errors.length > 0) return { ok: false, issues: [...errors, ...warnings] };

  const entries: ReportEntry[] = [...chosen.values()].map((f) => ({
    district: f.submission.district,
    aggregate: aggregateSubmission(f.submission, reference.criteria),
    revision: null,
    submittedAt: null,
    submittedBy: null,
    preparedBy: f.submission.preparedBy,
    phone: f.submission.phone,
    status: "submitted",
  }));
  return { ok: true, value: buildReport({ year, generatedAt, reference, entries }), warnings };
}
