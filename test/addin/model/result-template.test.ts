import { describe, expect, it } from "vitest";
import type { PlanSource } from "../../../shared/template/build-result-plan.ts";
import { buildResultSheets, resultSetupOf } from "../../../addin/model/result-template.ts";
import { districtFlow, INITIAL } from "../../../addin/model/district-flow.ts";
import { builtInSetup } from "../../../shared/setup/defaults.ts";
import { XA_2027 } from "../../shared/template/ntm2-fixtures.ts";
import { PLAN_06004 } from "../../shared/template/result-fixtures.ts";

const UNIT = { code: "06004", name: "Xã Đoàn Kết" };
const revision = (n: number) => ({
  id: `s${n}`,
  district: "06004",
  unit: "06004",
  round: "plan" as const,
  year: 2027,
  revision: n,
  latest: n === 2,
  contentHash: "h",
  communes: 1,
  preparedBy: null,
  phone: null,
  submittedBy: "06004",
  submittedAt: "2027-03-01T08:00:00.000Z",
});

/** A fake of the session's API: status (accepted revision), the revision list, each revision's body; calls recorded. */
function fakeClient(accepted: number | null, stored: number[]): { client: PlanSource; calls: string[] } {
  const calls: string[] = [];
  const client = {
    status: async (year: number, q: { round?: string }) => {
      calls.push(`status ${year} ${q.round}`);
      return {
        ok: true,
        status: 200,
        value: {
          year,
          round: "plan",
          deadline: null,
          cut: { asOf: null, seq: 0, accepted: false },
          units: [{ code: "06004", acceptedRevision: accepted }],
          completeness: { expected: 1, submitted: 1, onTime: 1, accepted: 0 },
        },
      };
    },
    allSubmissions: async (q: { year?: number; unit?: string; round?: string }) => {
      calls.push(`list ${q.year} ${q.unit} ${q.round}`);
      return { ok: true, status: 200, value: stored.map(revision) };
    },
    submission: async (id: string) => {
      calls.push(`get ${id}`);
      const plan = id === "s2" ? { ...PLAN_06004, communes: [{ ...PLAN_06004.communes[0]!, baseline: [1] }] } : PLAN_06004;
      return { ok: true, status: 200, value: { ...revision(Number(id.slice(1))), submission: plan } };
    },
  } as unknown as PlanSource;
  return { client, calls };
}

describe("Tạo biểu mẫu kết quả (model/result-template.ts)", () => {
  it("the accepted plan revision: its HT/KH pre-filled, the note names it", async () => {
    const { client, calls } = fakeClient(1, [2, 1]);
    const r = await buildResultSheets(client, XA_2027, UNIT);
    expect(calls).toEqual(["status 2027 plan", "list 2027 06004 plan", "get s1"]);
    expect(r.ok && r.note).toEqual({ revision: 1, accepted: true });
    const crit = r.ok ? r.sheets[1]! : null;
    expect(crit?.cells[5]?.slice(7, 10)).toEqual(["Đạt", "Đạt", null]);
    expect(r.ok && r.sheets[0]!.cells[10]).toEqual(["Loại biểu", "Kết quả thực hiện"]);
  });

  it("no accepted revision: the latest; none stored: HT/KH empty", async () => {
    const latest = await buildResultSheets(fakeClient(null, [1, 2]).client, XA_2027, UNIT);
    expect(latest.ok && latest.note).toEqual({ revision: 2, accepted: false });
    expect(latest.ok && latest.sheets[1]!.cells[5]?.slice(10, 11)).toEqual(["Chưa đạt"]);
    const none = await buildResultSheets(fakeClient(null, []).client, XA_2027, UNIT);
    expect(none.ok && none.note).toEqual({ revision: null, accepted: false });
    expect(none.ok && none.sheets[1]!.cells[3]?.[0]).toBe("Chưa có kế hoạch được lưu: HT, KH để trống");
  });

  it("an API failure is the pane's error", async () => {
    const client = {
      status: async () => ({
        ok: false,
        failure: { status: 401, code: "auth.invalid", params: {}, serverMessage: "no", issues: [] },
      }),
    } as unknown as PlanSource;
    const r = await buildResultSheets(client, XA_2027, UNIT);
    expect(r.ok ? null : [r.error.source, r.error.status]).toEqual(["api", 401]);
  });

  it("resultSetupOf: the applied setup, the built-in one for 2016-2020 (NTM-2 layout), else the plan's error", () => {
    expect(resultSetupOf({ kind: "ntm2", unit: UNIT, setup: XA_2027 }, 2027)).toEqual({ ok: true, unit: UNIT, setup: XA_2027 });
    const b = resultSetupOf({ kind: "ntm1", unit: { code: "183", name: "Huyện Cao Lộc" } }, 2018);
    expect(b.ok && b.setup).toEqual(builtInSetup(2018));
    const error = { source: "addin" as const, code: "errorNeedTokenForSetup", params: {}, status: null, issues: [], detail: null };
    expect(resultSetupOf({ kind: "error", error }, 2027)).toEqual({ ok: false, error });
  });

  it("the flow keeps a result template's replace question and note", () => {
    const pending = { district: UNIT, year: 2027, existing: ["Tiêu chí"], setup: XA_2027, result: true as const };
    const asked = districtFlow({ ...INITIAL, busy: "create" }, { type: "replaceAsked", pending });
    expect(asked.pendingReplace).toEqual(pending);
    const note = { year: 2027, name: UNIT.name, skipped: [], result: { revision: 1, accepted: true } };
    expect(districtFlow(asked, { type: "created", note }).note).toEqual(note);
  });
});
