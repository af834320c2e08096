import type { Io } from "../output.ts";
import type { Setup } from "../../shared/setup/types.ts";
import { EXIT_INVALID, EXIT_OK, EXIT_SERVER } from "../output.ts";
import { parseArgs } from "../args.ts";
import { usageError } from "../usage.ts";
import { chooseSetup, setupLookup } from "../load-workbook.ts";
import { SERVER_OPTIONS } from "../server-options.ts";
import { unitTemplate } from "../../shared/template/build-template-ntm2.ts";
import { resultTemplate } from "../../shared/template/build-result-ntm2.ts";
import { planForResult } from "./template-result.ts";
import { carryForTemplate } from "./template-carry-over.ts";
import { writeWorkbookFile } from "../xlsx/write-workbook.ts";
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR, parsePlanYear } from "../../shared/schemas/plan-year.ts";

/** How many unit codes an "unknown unit" message lists. */
const LIST_UNITS = 20;

/**
 * `template --unit <code> --year <y> --out <file.xlsx> [--setup <file.xlsx>]` (`--district` is the
 * older name of `--unit`): the unit's template for the year's setup: NTM-1 for a year served by the
 * built-in defaults, NTM-2 (communes pre-filled from the setup's list) for an applied setup.
 * `--round result [--plan <plan.xlsx>]`: the result template (`Kết quả thực hiện`, NTM-2 layout
 * for any year) with HT/KH and the plan amounts from the unit's plan: the file given, else the
 * server's accepted (else latest) plan revision (template-result.ts). A plan template of an applied
 * setup with a token: HT pre-filled from the previous year by the server, its notes printed
 * (template-carry-over.ts); `--no-carry-over` skips it.
 */
export async function templateCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, {
    flags: ["no-carry-over"],
    options: ["unit", "district", "year", "out", "setup", "round", "plan", ...SERVER_OPTIONS],
  });
  if (!args.ok) return usageError(io, "template", args.error);
  const { options, flags, positionals } = args.value;
  if (positionals.length > 0) return usageError(io, "template", `unexpected argument ${positionals[0]}`);
  const unit = options.get("unit");
  const district = options.get("district");
  if (unit && district && unit.trim() !== district.trim()) {
    return usageError(io, "template", "--unit and --district name the same unit: give one");
  }
  const code = (unit ?? district)?.trim();
  const yearText = options.get("year");
  const out = options.get("out");
  if (!code || !yearText || !out) return usageError(io, "template", "--unit, --year and --out are required");
  const round = options.get("round") ?? "plan";
  if (round !== "plan" && round !== "result") return usageError(io, "template", `--round must be plan or result, not ${round}`);
  if (options.has("plan") && round !== "result") return usageError(io, "template", "--plan is for --round result");
  if (flags.has("no-carry-over") && round === "result") return usageError(io, "template", "--no-carry-over is for a plan template");
  const year = parsePlanYear(yearText);
  if (year === null) {
    return usageError(io, "template", `--year must be a year between ${MIN_PLAN_YEAR} and ${MAX_PLAN_YEAR}, not ${yearText}`);
  }
  const chosen = await chooseSetup("template", options, io);
  if (!chosen.ok) return chosen.code;
  const found = await setupLookup(chosen.choice)(year, null);
  if (!found.ok) {
    io.stderr(`ntm template: ${found.issue.message} / ${found.issue.messageEn}\n`);
    return found.server ? EXIT_SERVER : EXIT_INVALID;
  }
  const setup: Setup = found.setup;
  if (setup.year !== year) {
    io.stderr(
      `ntm template: tệp thiết lập là của năm ${setup.year}, không phải năm ${year} (the setup file is for ${setup.year}, not ${year}).\n`,
    );
    return EXIT_INVALID;
  }
  const known = setup.units.some((u) => u.code === code);
  const plan = known && round === "result" ? await planForResult(options, setup, code, io) : null;
  if (plan && !plan.ok) return plan.code;
  const carry = known && round === "plan" ? await carryForTemplate(options, flags, setup, code, io) : null;
  if (carry && !carry.ok) return carry.code;
  const built = plan ? resultTemplate(setup, code, plan.plan) : unitTemplate(setup, code, undefined, carry?.prefill);
  if (!built.ok) {
    const level = setup.level === "huyện" ? "huyện" : "đơn vị";
    const known = setup.units.slice(0, LIST_UNITS).map((u) => `${u.code} ${u.name}`);
    const more = setup.units.length > LIST_UNITS ? `; … (${setup.units.length} đơn vị)` : "";
    io.stderr(
      `ntm template: mã ${level} ${code} không có trong danh mục năm ${year} (unknown ${setup.level === "huyện" ? "district" : "unit"} code). ` +
        `Các mã: ${known.join("; ")}${more}\n`,
    );
    return EXIT_INVALID;
  }
  const { version, unit: u, sheets } = built.value;
  try {
    await writeWorkbookFile(sheets, out);
  } catch (e) {
    io.stderr(`ntm template: không ghi được tệp ${out} (cannot write): ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_INVALID;
  }
  if (plan) io.stderr(`Đã tạo biểu mẫu kết quả thực hiện ${u.name} (${u.code}), năm ${year}, ${plan.said}: ${out}\n`);
  else io.stderr(`Đã tạo biểu mẫu ${version} ${u.name} (${u.code}), năm ${year}: ${out}\n`);
  return EXIT_OK;
}
