/**
 * The data of the web page benchmark (bench/web-page.ts): a plan year's setup with one district and
 * its registered communes (bench/setup-datasets.ts, set 2026-2030), applied on the running server
 * (PUT /api/v1/setup/:year as admin), a unit token for that district (POST /api/v1/tokens), and the
 * district's filled NTM-2 workbook as a real .xlsx: its template (shared/template unitTemplate)
 * typed like bench/ntm2-grid.ts types it, written by the CLI's writer (cli/xlsx/write-workbook.ts).
 * A setup lists at most 10,000 communes (shared/setup/schema.ts MAX_SETUP_ROWS), so the 30-commune
 * and the 10,000-commune districts each get their own year.
 */
import fs from "node:fs";
import path from "node:path";
import { writeWorkbookBuffer } from "../cli/xlsx/write-workbook.ts";
import type { SetupJson } from "../shared/setup/schema.ts";
import { unitTemplate } from "../shared/template/build-template-ntm2.ts";
import { isFormula } from "../shared/template/sheet-model.ts";
import type { SheetModel } from "../shared/template/sheet-model.ts";
import { filledNtm2Workbook } from "./ntm2-grid.ts";
import { districtLevelSetup, typedSetup } from "./setup-datasets.ts";

export type Server = { url: string; adminToken: string };

/** One district of the benchmark: its year, code, communes, unit token and filled .xlsx on disk. */
export type UnitFile = { year: number; unit: string; communes: number; token: string; file: string; bytes: Uint8Array };

/** Year `year`'s setup: one district `unit` with `communes` registered communes (codes 10000, …). */
export function oneDistrictSetup(unit: string, communes: number, year: number): SetupJson {
  const json = districtLevelSetup(1, communes, year);
  return {
    ...json,
    units: json.units.map((u) => ({ ...u, code: unit })),
    communes: (json.communes ?? []).map((c) => ({ ...c, unit })),
  };
}

/** The unit's filled workbook as .xlsx bytes: the template's models with the typed values in place of the blanks. */
export async function filledXlsx(json: SetupJson, unit: string): Promise<Uint8Array> {
  const setup = typedSetup(json);
  const template = unitTemplate(setup, unit);
  if (!template.ok) throw new Error(`no template for unit ${unit}: ${template.issues[0]?.code}`);
  const filled = filledNtm2Workbook(setup, unit);
  const models: SheetModel[] = template.value.sheets.map((m, i) => {
    const grid = filled[i];
    if (grid?.name !== m.name) throw new Error(`sheet ${i}: ${grid?.name} is not ${m.name}`);
    const cells = grid.values.map((row, r) =>
      row.map((v, c) => (isFormula(m.cells[r]?.[c]) ? m.cells[r]![c]! : v === "" ? null : (v as string | number | boolean))),
    );
    return { ...m, cells };
  });
  return new Uint8Array(await writeWorkbookBuffer(models));
}

async function call(server: Server, method: string, route: string, body: unknown, expect: number[]): Promise<unknown> {
  const res = await fetch(`${server.url}/api/v1${route}`, {
    method,
    headers: { authorization: `Bearer ${server.adminToken}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!expect.includes(res.status)) throw new Error(`${method} ${route}: ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** Applies the setup of one district, creates its unit token and writes its filled workbook into `dir`. */
export async function prepareUnit(server: Server, dir: string, unit: string, communes: number, year: number): Promise<UnitFile> {
  const json = oneDistrictSetup(unit, communes, year);
  await call(server, "PUT", `/setup/${year}`, json, [200, 201]);
  const created = (await call(server, "POST", "/tokens", { role: "unit", unit, label: `bench web page ${unit}` }, [201])) as {
    token: string;
  };
  const bytes = await filledXlsx(json, unit);
  const file = path.join(dir, `bench-${unit}-${year}-${communes}.xlsx`);
  fs.writeFileSync(file, bytes);
  return { year, unit, communes, token: created.token, file, bytes };
}
