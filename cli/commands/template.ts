import type { Io } from "../output.ts";
import { EXIT_INVALID, EXIT_OK } from "../output.ts";
import { parseArgs } from "../args.ts";
import { usageError } from "../usage.ts";
import { DEFAULT_REFERENCE } from "../../shared/reference/index.ts";
import { buildTemplate } from "../../shared/template/build-template.ts";
import { writeWorkbookFile } from "../xlsx/write-workbook.ts";
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR, parsePlanYear } from "../../shared/schemas/plan-year.ts";

/** `template --district <code> --year <y> --out <file.xlsx>`: a blank standard template. */
export async function templateCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { options: ["district", "year", "out"] });
  if (!args.ok) return usageError(io, "template", args.error);
  const { options, positionals } = args.value;
  if (positionals.length > 0) return usageError(io, "template", `unexpected argument ${positionals[0]}`);
  const code = options.get("district");
  const yearText = options.get("year");
  const out = options.get("out");
  if (!code || !yearText || !out) return usageError(io, "template", "--district, --year and --out are required");
  const year = parsePlanYear(yearText);
  if (year === null) {
    return usageError(io, "template", `--year must be a year between ${MIN_PLAN_YEAR} and ${MAX_PLAN_YEAR}, not ${yearText}`);
  }
  const district = DEFAULT_REFERENCE.districts.find((d) => d.code === code.trim());
  if (!district) {
    const known = DEFAULT_REFERENCE.districts.map((d) => `${d.code} ${d.name}`).join("; ");
    io.stderr(`ntm template: mã huyện ${code} không có trong danh mục (unknown district code). Các mã: ${known}\n`);
    return EXIT_INVALID;
  }
  const sheets = buildTemplate({
    district: { code: district.code, name: district.name },
    year,
    criteria: DEFAULT_REFERENCE.criteria,
  });
  try {
    await writeWorkbookFile(sheets, out);
  } catch (e) {
    io.stderr(`ntm template: không ghi được tệp ${out} (cannot write): ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_INVALID;
  }
  io.stderr(`Đã tạo biểu mẫu ${district.name} (${district.code}), năm ${year}: ${out}\n`);
  return EXIT_OK;
}
