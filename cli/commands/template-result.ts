import type { Io } from "../output.ts";
import type { Setup } from "../../shared/setup/types.ts";
import type { Submission } from "../../shared/schemas/submission.ts";
import type { UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import { EXIT_INVALID, EXIT_SERVER, formatIssue } from "../output.ts";
import { clientFrom, describeFailure, resolveToken } from "../server-options.ts";
import { readWorkbookFile } from "../xlsx/read-workbook.ts";
import { readTemplate } from "../../shared/template/read-template.ts";
import { fetchResultPlan } from "../../shared/template/build-result-plan.ts";

/** The plan the result template pre-fills, with what to say about it; or the exit code after printing why not. */
export type PlanForResult = { ok: true; plan: Submission | UnitSubmission | null; said: string } | { ok: false; code: number };

/**
 * `template --round result`: the unit's plan from `--plan <file.xlsx>` (a filled plan template,
 * read and checked under the year's setup), else from the server (`--token`): the accepted plan
 * revision, else the latest; none stored = HT/KH left empty (said so).
 */
export async function planForResult(options: Map<string, string>, setup: Setup, unit: string, io: Io): Promise<PlanForResult> {
  const file = options.get("plan");
  if (file) {
    const read = await readWorkbookFile(file);
    const parsed = read.ok ? readTemplate(read.value, setup) : read;
    if (!parsed.ok) {
      for (const i of parsed.issues) io.stdout(`${formatIssue(i, file)}\n`);
      io.stderr(`ntm template: tệp kế hoạch ${file} không hợp lệ (the plan file is invalid).\n`);
      return { ok: false, code: EXIT_INVALID };
    }
    const plan = parsed.value.submission;
    if (plan.round === "result" || plan.unit !== unit || plan.year !== setup.year) {
      io.stderr(
        `ntm template: tệp ${file} không phải kế hoạch năm ${setup.year} của đơn vị ${unit} ` +
          `(the file is not the ${setup.year} plan of unit ${unit}).\n`,
      );
      return { ok: false, code: EXIT_INVALID };
    }
    return { ok: true, plan, said: `kế hoạch từ tệp ${file}` };
  }
  if (!resolveToken(options.get("token"), io.env)) {
    io.stderr(
      "ntm template: --round result cần --plan <tệp kế hoạch.xlsx> hoặc máy chủ (--token) để lấy kế hoạch " +
        "(--round result needs --plan <file.xlsx> or a server token).\n",
    );
    return { ok: false, code: EXIT_INVALID };
  }
  const got = await fetchResultPlan(clientFrom(options, io), setup.year, unit);
  if (!got.ok) {
    io.stderr(`ntm template: không lấy được kế hoạch của đơn vị ${unit} năm ${setup.year}: ${describeFailure(got.failure)}\n`);
    return { ok: false, code: EXIT_SERVER };
  }
  const p = got.value;
  if (p === null) return { ok: true, plan: null, said: "chưa có kế hoạch được lưu: HT, KH để trống (no stored plan)" };
  return { ok: true, plan: p.plan, said: `kế hoạch lần gửi ${p.revision}${p.accepted ? " (đã tiếp nhận)" : " (mới nhất)"}` };
}
