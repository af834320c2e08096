import { describe, expect, it } from "vitest";
import type { ApiFailure, ApiResult } from "../../../shared/api/client.ts";
import { applyTargetsWorkbook } from "../../../addin/model/targets-apply.ts";
import type { TargetsClient } from "../../../addin/model/targets-apply.ts";
import { buildReport } from "../../../shared/report/build-report.ts";
import type { Report } from "../../../shared/schemas/report.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { buildTargetsWorkbook } from "../../../shared/targets/build-workbook.ts";
import { attachTargets } from "../../../shared/targets/compare.ts";
import type { Targets, TargetsJson } from "../../../shared/targets/schema.ts";
import { sheetInput } from "../../shared/helpers/grid.ts";

const SETUP = builtInSetup(2018)!;
const { origin: _o, ...BODY } = SETUP;
const TARGETS: Targets = { year: 2018, province: { ntm: 1, "criterion:2": 0 }, units: { "178": { ntm: 0 } } };
const ok = <T>(value: T): ApiResult<T> => ({ ok: true, status: 200, value }) as ApiResult<T>;
const fail = (status: number, code: string, issues: ApiFailure["issues"] = []) =>
  ({ ok: false, failure: { status, code, params: {}, serverMessage: null, issues } }) as const;

/** A fake client recording its calls: the 2018 built-in setup, PUT answering what it got, the report with those targets. */
function client(put: (body: TargetsJson) => ReturnType<TargetsClient["putTargets"]> | null = () => null) {
  const calls: string[] = [];
  let stored: Targets | null = null;
  const c: TargetsClient = {
    setup: async (year) => {
      calls.push(`GET setup ${year}`);
      return ok({ year, version: null, origin: "builtin", appliedAt: null, appliedBy: null, setup: BODY }) as never;
    },
    putTargets: async (year, body) => {
      calls.push(`PUT targets ${year}`);
      const answer = put(body);
      if (answer) return answer;
      stored = { year, province: body.province, units: body.units ?? {} };
      return ok({ year, targets: stored, setAt: "2018-03-01T02:00:00.000Z", setBy: "VP" });
    },
    report: async (year) => {
      calls.push(`GET report ${year}`);
      const base = buildReport({ year, generatedAt: "2018-03-01T02:00:00.000Z", setup: SETUP, entries: [] });
      return ok(stored ? attachTargets(base, stored, SETUP, new Map()) : base) as ApiResult<Report>;
    },
  };
  return { c, calls };
}

const workbook = (targets: Targets | null = TARGETS) => buildTargetsWorkbook(SETUP, targets).map((m) => sheetInput(m));

describe("applyTargetsWorkbook (Áp dụng chỉ tiêu)", () => {
  it("reads the open workbook, checks it against the year's setup, PUTs it with its cells, then shows the report's targets", async () => {
    const { c, calls } = client();
    const r = await applyTargetsWorkbook(workbook(), c);
    expect(calls).toEqual(["GET setup 2018", "PUT targets 2018", "GET report 2018"]);
    expect(r).toEqual({
      kind: "applied",
      year: 2018,
      province: 2,
      units: 1,
      rows: [
        { key: "ntm", label: "Số xã đạt chuẩn NTM", target: 1, plan: 0, gap: -1, met: false },
        { key: "criterion:2", label: "TC2 - Giao thông", target: 0, plan: 0, gap: 0, met: true },
      ],
      unitRows: [{ unit: "178", targets: [{ key: "ntm", label: "Số xã đạt chuẩn NTM", target: 0, plan: 0, gap: 0, met: true }] }],
      reportFailure: null,
    });
  });

  it("a bad cell: its issue at the cell, nothing sent", async () => {
    const { c, calls } = client();
    const sheets = workbook(null);
    sheets[0]!.values[5]![1] = 2.5; // row 6: Đạt 19 tiêu chí
    const r = await applyTargetsWorkbook(sheets, c);
    expect(r.kind === "issues" && r.issues.map((i) => `${i.code}@${i.sheet}!${i.cell}`)).toEqual([
      "targets.count_invalid@Chỉ tiêu tỉnh!B6",
    ]);
    expect(calls).toEqual(["GET setup 2018"]);
    const unreadable = workbook(null);
    unreadable[0]!.values[4]![0] = "Số hộ nghèo";
    unreadable[0]!.values[4]![1] = 3;
    const u = await applyTargetsWorkbook(unreadable, c);
    expect(u.kind === "issues" && u.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["targets.key_unknown@A5"]);
  });

  it("the server's 422: its issues (refused); a 403: the failure", async () => {
    const issue = {
      code: "targets.unit_unknown",
      severity: "error" as const,
      sheet: "Chỉ tiêu đơn vị",
      cell: "A4",
      row: 4,
      commune: null,
      message: "m",
      messageEn: "e",
    };
    const refused = await applyTargetsWorkbook(workbook(), client(() => Promise.resolve(fail(422, "targets.invalid", [issue]))).c);
    expect(refused).toEqual({ kind: "issues", issues: [issue], refused: true, year: 2018 });
    const forbidden = await applyTargetsWorkbook(workbook(), client(() => Promise.resolve(fail(403, "auth.forbidden"))).c);
    expect(forbidden.kind === "failed" && forbidden.failure.code).toBe("auth.forbidden");
  });
});
