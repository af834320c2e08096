import { describe, expect, it } from "vitest";
import { API_MESSAGES } from "../../../shared/api/messages.ts";
import { MAX_BODY_BYTES, MAX_COMMUNES, jsonBodyBytes } from "../../../shared/limits.ts";
import { CONTRACT_TEXTS, bodyContractIssues, contractIssues, unitContractIssues } from "../../../shared/rules/contract-issues.ts";
import type { ContractBody } from "../../../shared/rules/contract-issues.ts";
import type { Issue } from "../../../shared/result.ts";
import { submissionSchema } from "../../../shared/schemas/submission.ts";
import type { UnitCommune, UnitSubmission } from "../../../shared/schemas/unit-submission.ts";
import { unitSubmissionSchema } from "../../../shared/schemas/unit-submission.ts";
import { WIDE, worstCaseSubmission } from "../../helpers/worst-case-submission.ts";
import { expectWellFormed } from "../text/catalogue-check.ts";

const HEADER = { district: "183", districtName: "Huyện Cao Lộc", year: 2030 };

/** An issue of the contract: an error with no cell, row or commune. */
const E = (code: string, sheet: string | null, message: string, messageEn: string): Issue => ({
  code,
  severity: "error",
  sheet,
  cell: null,
  row: null,
  commune: null,
  message,
  messageEn,
});

const tooMany = (n: number, sheet: string | null) =>
  E(
    "submission.too_many_communes",
    sheet,
    `Biểu mẫu có ${n} xã, quá giới hạn 10000 xã của một lần nộp; máy chủ sẽ từ chối. Hãy xoá các dòng thừa hoặc tách thành nhiều biểu mẫu.`,
    `The template has ${n} communes, over the limit of 10000 per submission; the server would refuse it. Delete extra rows or split it into several templates.`,
  );

const schemaBreak = (path: string, detail: string) =>
  E(
    "submission.schema_invalid",
    null,
    `Dữ liệu đọc từ biểu mẫu không đúng cấu trúc máy chủ nhận (${path}: ${detail}); máy chủ sẽ từ chối.`,
    `The data read from the template does not have the shape the server accepts (${path}: ${detail}); the server would refuse it.`,
  );

const tooLarge = (mb: string) =>
  E(
    "submission.too_large",
    null,
    `${API_MESSAGES["http.413"].vi} Dữ liệu của biểu mẫu này: ${mb} MB.`,
    `${API_MESSAGES["http.413"].en} This template's data: ${mb} MB.`,
  );

/** An NTM-2 commune: 5-digit code from 10000, as the schema takes it. */
function unitCommune(i: number, c: Partial<UnitCommune> = {}): UnitCommune {
  return {
    code: String(10_000 + i),
    name: `Xã ${i}`,
    group: 1,
    attributes: {},
    flags: {},
    baseline: [1, 2],
    plan: [1, 2, 3],
    source: { sheet: "Tiêu chí", row: 6 + i },
    ...c,
  };
}

function unitSubmission(communes: UnitCommune[], o: Partial<UnitSubmission> = {}): UnitSubmission {
  return {
    templateVersion: "NTM-2",
    unit: "183",
    unitName: "Huyện Cao Lộc",
    year: 2027,
    criteriaSet: "2026-2030",
    preparedBy: null,
    phone: null,
    preparedOn: null,
    communes,
    capital: {},
    source: {
      criteriaSheet: "Tiêu chí",
      columns: { code: "B", name: "C", group: "D", labels: {}, criteria: [{ baseline: "E", plan: "F" }] },
    },
    ...o,
  };
}

describe("CONTRACT_TEXTS", () => {
  it("one catalogue shape: vi and en with the same placeholders", () => {
    expectWellFormed(CONTRACT_TEXTS);
    expect(Object.keys(CONTRACT_TEXTS)).toEqual(["submission.too_many_communes", "submission.schema_invalid", "submission.too_large"]);
  });
});

/**
 * The NTM-2 body of `count` communes at their heaviest the schema allows: a 200-letter name of
 * 3-byte letters and five 100-letter attribute labels (the schema bounds a label, not how many).
 * Only such a body passes 16 MB within 10,000 communes; the rules would refuse the labels.
 */
function heavyUnitSubmission(count: number): UnitSubmission {
  const attributes = Object.fromEntries(Array.from({ length: 5 }, (_, k) => [`${k}${WIDE.repeat(99)}`, false]));
  return unitSubmission(Array.from({ length: count }, (_, i) => unitCommune(i, { name: WIDE.repeat(200), attributes })));
}

describe("contractIssues (NTM-1)", () => {
  it("the largest valid body (10,000 worst-case communes, 11.7 MB) passes: []", () => {
    const sub = worstCaseSubmission(HEADER);
    expect(jsonBodyBytes(sub)).toBe(11_732_075);
    expect(contractIssues(sub)).toEqual([]);
    expect(bodyContractIssues({ version: "NTM-1", submission: sub })).toEqual([]);
  });

  it("10,001 communes: the exact message, at the criteria sheet, before any other check", () => {
    const many = worstCaseSubmission(HEADER, MAX_COMMUNES + 1);
    expect(contractIssues(many)).toEqual([tooMany(10_001, WIDE.repeat(100))]);
    expect(contractIssues({ ...many, year: 1999, source: undefined })).toEqual([tooMany(10_001, null)]);
  });

  it("a schema break: its path and zod's detail; at most 10 of them", () => {
    const bad = { ...worstCaseSubmission(HEADER, 1), year: 1999 };
    expect(contractIssues(bad)).toEqual([schemaBreak("year", "Too small: expected number to be >=2000")]);
    const broken = worstCaseSubmission(HEADER, 12);
    broken.communes = broken.communes.map((c) => ({ ...c, code: "6148" }));
    const issues = contractIssues(broken);
    expect(issues.length).toBe(10);
    expect(issues[9]).toEqual(schemaBreak("communes.9.code", "Invalid string: must match pattern /^\\d{5}$/"));
  });

  it("a body over 16 MiB: the API's 413 text with its size", () => {
    // The schema allows 99 criterion numbers per list and any row; the rules and Excel do not. Only
    // such a body can pass 16 MB with 10,000 communes: the size check still stops it.
    const ninetyNine = Array.from({ length: 99 }, () => 99);
    const huge = worstCaseSubmission(HEADER);
    huge.communes = huge.communes.map((c) => ({
      ...c,
      baseline: ninetyNine,
      plan: ninetyNine,
      source: { sheet: c.source!.sheet, row: Number.MAX_SAFE_INTEGER },
    }));
    expect(jsonBodyBytes(huge)).toBe(16_802_075);
    expect(jsonBodyBytes(huge)).toBeGreaterThan(MAX_BODY_BYTES);
    expect(submissionSchema.safeParse(huge).success).toBe(true);
    const issues = contractIssues(huge);
    expect(issues).toEqual([tooLarge("16.0")]);
    expect(issues[0]!.message).toBe(`${API_MESSAGES["http.413"].vi} Dữ liệu của biểu mẫu này: 16.0 MB.`);
    expect(issues[0]!.message).toContain("vượt quá 16 MB");
    expect(bodyContractIssues({ version: "NTM-1", submission: huge })).toEqual([tooLarge("16.0")]);
  });
});

describe("unitContractIssues (NTM-2)", () => {
  it("a valid body passes: [], and so do 10,000 communes", () => {
    const one = unitSubmission([unitCommune(0)]);
    expect(unitSubmissionSchema.safeParse(one).success).toBe(true);
    expect(unitContractIssues(one)).toEqual([]);
    expect(unitContractIssues(unitSubmission(Array.from({ length: MAX_COMMUNES }, (_, i) => unitCommune(i))))).toEqual([]);
  });

  it("10,001 communes: the exact message, at the criteria sheet", () => {
    const many = unitSubmission(Array.from({ length: MAX_COMMUNES + 1 }, (_, i) => unitCommune(i % 90_000)));
    expect(unitContractIssues(many)).toEqual([tooMany(10_001, "Tiêu chí")]);
  });

  it("a schema break: path and detail of each", () => {
    const bad = unitSubmission([unitCommune(0, { code: "6148", group: 4 as 1 })], { year: 1999 });
    expect(unitContractIssues(bad)).toEqual([
      schemaBreak("year", "Too small: expected number to be >=2000"),
      schemaBreak("communes.0.code", "Invalid string: must match pattern /^\\d{5}$/"),
      schemaBreak("communes.0.group", "Invalid input"),
    ]);
  });

  it("a body over 16 MiB: the API's 413 text with its size", () => {
    const huge = heavyUnitSubmission(MAX_COMMUNES);
    expect(unitSubmissionSchema.safeParse(huge).success).toBe(true);
    expect(jsonBodyBytes(huge)).toBe(22_729_237);
    expect(unitContractIssues(huge)).toEqual([tooLarge("21.7")]);
  });
});

describe("bodyContractIssues: the body the task pane holds, either version", () => {
  it("picks the version's schema: an NTM-2 body passes as NTM-2; the same body as NTM-1 breaks the NTM-1 schema", () => {
    const unit = unitSubmission([unitCommune(0)]);
    expect(bodyContractIssues({ version: "NTM-2", submission: unit })).toEqual([]);
    const mislabelled = { version: "NTM-1", submission: unit } as unknown as ContractBody;
    expect(bodyContractIssues(mislabelled).map((i) => i.code)).toEqual(expect.arrayContaining(["submission.schema_invalid"]));
    expect(bodyContractIssues({ version: "NTM-1", submission: worstCaseSubmission(HEADER, 1) })).toEqual([]);
  });

  it("gives what the version's function gives: too many, schema break, too large", () => {
    const many = unitSubmission(Array.from({ length: MAX_COMMUNES + 1 }, (_, i) => unitCommune(i % 90_000)));
    expect(bodyContractIssues({ version: "NTM-2", submission: many })).toEqual([tooMany(10_001, "Tiêu chí")]);
    const bad = unitSubmission([unitCommune(0)], { year: 1999 });
    expect(bodyContractIssues({ version: "NTM-2", submission: bad })).toEqual([
      schemaBreak("year", "Too small: expected number to be >=2000"),
    ]);
    const huge = heavyUnitSubmission(MAX_COMMUNES);
    expect(bodyContractIssues({ version: "NTM-2", submission: huge })).toEqual([tooLarge("21.7")]);
    const ntm1 = { ...worstCaseSubmission(HEADER, MAX_COMMUNES + 1) };
    expect(bodyContractIssues({ version: "NTM-1", submission: ntm1 })).toEqual(contractIssues(ntm1));
  });
});
