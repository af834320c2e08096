import type { Io } from "../output.ts";
import type { Setup } from "../../shared/setup/types.ts";
import type { HtPrefill } from "../../shared/template/build-criteria-ntm2.ts";
import { EXIT_SERVER } from "../output.ts";
import { clientFrom, describeFailure, resolveToken } from "../server-options.ts";
import { prefillOf } from "../../shared/cycle/carry-over.ts";

/** The HT pre-fill of a plan template, or none; or the exit code after printing why the server failed. */
export type CarryForTemplate = { ok: true; prefill: HtPrefill | undefined } | { ok: false; code: number };

/**
 * `template` (plan round, NTM-2): HT pre-filled from the previous year by the server
 * (GET /carry-over/:year?unit=, docs/cycle.md "Carry-over") when a token is given (`--token` or
 * NTM_TOKEN), its notes printed; `--no-carry-over`, a built-in year (NTM-1) or no token: no pre-fill.
 */
export async function carryForTemplate(
  options: Map<string, string>,
  flags: Set<string>,
  setup: Setup,
  unit: string,
  io: Io,
): Promise<CarryForTemplate> {
  if (flags.has("no-carry-over") || setup.origin === "builtin" || !resolveToken(options.get("token"), io.env)) {
    return { ok: true, prefill: undefined };
  }
  const got = await clientFrom(options, io).carryOver(setup.year, unit);
  if (!got.ok) {
    io.stderr(
      `ntm template: không lấy được HT năm ${setup.year - 1} của đơn vị ${unit} (carry-over failed): ${describeFailure(got.failure)}. ` +
        "Dùng --no-carry-over để tạo biểu không điền sẵn HT.\n",
    );
    return { ok: false, code: EXIT_SERVER };
  }
  for (const n of got.value.notes) io.stderr(`${n.messageVi}\n`);
  return { ok: true, prefill: prefillOf(got.value) };
}
