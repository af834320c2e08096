import { describe, expect, it } from "vitest";
import type { Commune, Submission } from "../../../shared/schemas/submission.ts";
import { checkSubmission } from "../../../shared/rules/check-submission.ts";
import { cleanSubmission } from "../../../shared/rules/clean-submission.ts";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { MAX_LINE_THOUSAND } from "../../../shared/money.ts";
import { brief } from "../helpers/issues.ts";
import { range } from "../helpers/grid.ts";

/** Issue 12: names cleaned before the required check, codes exactly 5 digits, amounts at most the stated maximum. */
const REF = DEFAULT_REFERENCE;
const NO_FLAGS = { border: false, pilotDifficult: false, ntmTarget: false, districtDifficult: false };
const ZERO = { central: 0, local: 0, integrated: 0, enterprise: 0, credit: 0, community: 0, other: 0 };
const COLUMNS = {
  code: "B",
  name: "C",
  flags: { border: "D", pilotDifficult: "E", ntmTarget: "F", districtDifficult: "G" },
  criteria: range(1, 19).map(() => ({ baseline: "H", plan: "I" })),
};

const commune = (code: string, name: string, row?: number): Commune => ({
  code,
  name,
  flags: NO_FLAGS,
  baseline: range(1, 8),
  plan: range(1, 10),
  ...(row === undefined ? {} : { source: { sheet: "Tiêu chí", row } }),
});

function sub(communes: Commune[], o: Partial<Submission> = {}): Submission {
  return {
    templateVersion: "NTM-1",
    district: "183",
    districtName: "Huyện Cao Lộc",
    year: 2018,
    preparedBy: null,
    phone: null,
    preparedOn: null,
    communes,
    capital: ZERO,
    ...o,
  };
}

const errors = (s: Submission) => brief(checkSubmission(s, REF).filter((i) => i.severity === "error"));

describe("names: cleaned, then required", () => {
  it.each([
    ["empty", ""],
    ["spaces", "   "],
    ["a zero-width space", "\u200b"],
    ["zero-width joiners, word joiner, BOM", "\u200c\u200d\u2060\ufeff"],
    ["NUL", "\u0000"],
    ["C1 controls and a tab", "\u0085\u009f\t"],
  ])("a name of %s is `commune.name_missing` at the Tên xã cell", (_what, name) => {
    const issues = checkSubmission(
      sub([commune("06148", "Xã A", 6), commune("06151", name, 7)], { source: { criteriaSheet: "Tiêu chí", columns: COLUMNS } }),
      REF,
    );
    const missing = issues.filter((i) => i.code === "commune.name_missing");
    expect(brief(missing)).toEqual([
      { code: "commune.name_missing", severity: "error", sheet: "Tiêu chí", cell: "C7", row: 7, commune: "06151" },
    ]);
    expect(missing[0]!.message).toBe('Xã 06151 thiếu Tên xã. Hãy nhập tên xã, ví dụ "Hoàng Đồng".');
  });

  it("without a source the issue names the commune (no cell)", () => {
    expect(errors(sub([commune("06148", " \u200b ")]))).toEqual([
      { code: "commune.name_missing", severity: "error", sheet: "Tiêu chí", cell: null, row: null, commune: "06148" },
    ]);
  });

  it("a real name, whatever its invisible characters, passes", () => {
    expect(errors(sub([commune("06148", "\u200bHoàng\u00a0Đ\u200cồng\u0000 ")]))).toEqual([]);
  });

  it("cleanSubmission stores every text cleaned: NFC, invisibles removed, white space collapsed; empty optional text is null", () => {
    const raw = sub([commune("06148", " Xã\u200b Hoàng\t\tĐồng\u0000\n".normalize("NFD"), 6), commune("06151", "Xã Tân Liên", 7)], {
      districtName: "\ufeffHuyện  Cao Lộc ",
      preparedBy: "Nguyễn\u2060 Văn\u00a0An",
      phone: " \u200b ",
    });
    const clean = cleanSubmission(raw);
    expect(clean.communes.map((c) => c.name)).toEqual(["Xã Hoàng Đồng", "Xã Tân Liên"]);
    expect(clean.communes[0]!.name).toBe("Xã Hoàng Đồng".normalize("NFC"));
    expect(clean.communes[1]).toBe(raw.communes[1]); // already clean: the same object
    expect([clean.districtName, clean.preparedBy, clean.phone]).toEqual(["Huyện Cao Lộc", "Nguyễn Văn An", null]);
    expect(cleanSubmission(clean)).toEqual(clean);
  });
});

describe("commune codes: exactly 5 digits, also in the rules", () => {
  it("06199 passes; 006199 and 6199 are `commune.code_invalid` at the Mã xã cell", () => {
    const s = sub([commune("06199", "Xã A", 6), commune("006199", "Xã B", 7), commune("6199", "Xã C", 8)], {
      source: { criteriaSheet: "Tiêu chí", columns: COLUMNS },
    });
    expect(errors(s)).toEqual([
      { code: "commune.code_invalid", severity: "error", sheet: "Tiêu chí", cell: "B7", row: 7, commune: "006199" },
      { code: "commune.code_invalid", severity: "error", sheet: "Tiêu chí", cell: "B8", row: 8, commune: "6199" },
    ]);
  });
});

describe("capital: each line at most 100.000.000 triệu đồng", () => {
  it("every line at the maximum passes", () => {
    const max = { central: MAX_LINE_THOUSAND, local: MAX_LINE_THOUSAND, integrated: MAX_LINE_THOUSAND, enterprise: MAX_LINE_THOUSAND };
    expect(
      errors(
        sub([commune("06148", "Xã A")], {
          capital: { ...ZERO, ...max, credit: MAX_LINE_THOUSAND, community: MAX_LINE_THOUSAND, other: MAX_LINE_THOUSAND },
        }),
      ),
    ).toEqual([]);
  });

  it("1,000 VND more, or 2^53 − 1, is `capital.amount_too_large` naming the line and the maximum", () => {
    const issues = checkSubmission(
      sub([commune("06148", "Xã A")], { capital: { ...ZERO, local: MAX_LINE_THOUSAND + 1, other: 2 ** 53 - 1 } }),
      REF,
    );
    expect(brief(issues)).toEqual([
      { code: "capital.amount_too_large", severity: "error", sheet: "Nguồn vốn", cell: null, row: null, commune: null },
      { code: "capital.amount_too_large", severity: "error", sheet: "Nguồn vốn", cell: null, row: null, commune: null },
    ]);
    expect(issues[0]!.message).toBe(
      'Số tiền 100.000.000,001 ("Vốn ngân sách địa phương") vượt mức tối đa của một dòng nguồn vốn là 100.000.000 triệu đồng. Hãy kiểm tra lại đơn vị (triệu đồng) và số chữ số.',
    );
    expect(issues[1]!.messageEn).toBe(
      'Amount 9,007,199,254,740.991 ("Other mobilisation") is above the maximum of one source line, 100,000,000 million VND. Check the unit (million VND) and the number of digits.',
    );
  });
});
