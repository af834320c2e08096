import type { Issue, Result } from "../result.ts";
import type { Report } from "../schemas/report.ts";
import type { Submission } from "../schemas/submission.ts";
import type { UnitSubmission } from "../schemas/unit-submission.ts";
import type { Setup } from "../setup/types.ts";
import type { Catalogue, Params } from "../text/catalogue.ts";
import { renderBoth } from "../text/catalogue.ts";
import { aggregateSubmission } from "./aggregate.ts";
import { buildReport } from "./build-report.ts";
import type { ReportEntry } from "./build-report.ts";

/** A parsed unit workbook (NTM-1 or NTM-2) and the file it came from. */
export type ConsolidationFile = { file: string; submission: Submission | UnitSubmission };

/** The unit code of a submission of either template version. */
export function unitOf(sub: Submission | UnitSubmission): string {
  return sub.templateVersion === "NTM-1" ? sub.district : sub.unit;
}

/** The issues of a local consolidation (issue code → texts). */
export const CONSOLIDATE_TEXTS = {
  "consolidate.no_files": {
    vi: "Không có tệp nào để tổng hợp. Hãy chỉ ra ít nhất một tệp biểu mẫu của đơn vị.",
    en: "There is no file to consolidate. Name at least one unit's template file.",
  },
  "consolidate.setup_year_mismatch": {
    vi: "Cấu hình là của năm {setupYear}, các tệp là của năm {year}. Dùng cấu hình của năm {year}.",
    en: "The setup is for {setupYear}, the files are for {year}. Use the setup of {year}.",
  },
  "consolidate.year_mismatch": {
    vi: "Các tệp thuộc nhiều năm kế hoạch khác nhau ({years}). Chỉ tổng hợp các tệp của cùng một năm.",
    en: "The files are of different plan years ({years}). Consolidate files of one plan year only.",
  },
  "consolidate.district_duplicate": {
    vi: "Hai tệp của cùng đơn vị {district}: {first} và {later}. Dùng tệp sau ({later}), bỏ qua {first}.",
    en: "Two files of the same unit {district}: {first} and {later}. The later one ({later}) is used, {first} is ignored.",
  },
  "consolidate.commune_in_two_districts": {
    vi: "Mã xã {code} ({name}) có trong tệp của hai đơn vị: {first} (đơn vị {firstDistrict}) và {later} (đơn vị {laterDistrict}). Một xã chỉ thuộc một đơn vị; hãy sửa mã xã ở tệp sai.",
    en: "Commune code {code} ({name}) is in the files of two units: {first} (unit {firstDistrict}) and {later} (unit {laterDistrict}). A commune belongs to one unit; correct the code in the wrong file.",
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
 * The CLI's local consolidation (docs/interfaces.md `consolidate`, no server) under the year's
 * setup: all files must be of one plan year, the setup's; two files of the same unit → the later
 * one in the list wins, with a warning; the same `Mã xã` in two units' files is an error.
 * revision/submittedAt/submittedBy are null; preparedBy and phone come from each file's `Thông tin`.
 */
export function consolidateSubmissions(files: readonly ConsolidationFile[], setup: Setup, generatedAt: string): Result<Report> {
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
  if (setup.year !== year) {
    return { ok: false, issues: [issue("consolidate.setup_year_mismatch", "error", { setupYear: setup.year, year })] };
  }

  const warnings: Issue[] = [];
  const chosen = new Map<string, ConsolidationFile>();
  for (const f of files) {
    const unit = unitOf(f.submission);
    const prev = chosen.get(unit);
    if (prev) {
      warnings.push(issue("consolidate.district_duplicate", "warning", { district: unit, first: prev.file, later: f.file }));
      chosen.delete(unit); // re-insert so that the map keeps command-line order of the winners
    }
    chosen.set(unit, f);
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
            firstDistrict: unitOf(first.submission),
            later: f.file,
            laterDistrict: unitOf(f.submission),
          },
          c.code,
        ),
      );
    }
  }
  if (errors.length > 0) return { ok: false, issues: [...errors, ...warnings] };

  const entries: ReportEntry[] = [...chosen.values()].map((f) => ({
    unit: unitOf(f.submission),
    aggregate: aggregateSubmission(f.submission, setup),
    revision: null,
    submittedAt: null,
    submittedBy: null,
    preparedBy: f.submission.preparedBy,
    phone: f.submission.phone,
    status: "submitted",
  }));
  return { ok: true, value: buildReport({ year, generatedAt, setup, entries }), warnings };
}
