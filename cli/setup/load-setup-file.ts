import type { Issue } from "../../shared/result.ts";
import { readSetupWorkbookAndJson } from "../../shared/setup/read-workbook.ts";
import type { SetupJson } from "../../shared/setup/schema.ts";
import type { Setup } from "../../shared/setup/types.ts";
import { readWorkbookFile } from "../xlsx/read-workbook.ts";

/** A `Thiết lập` workbook read from disk: the checked setup and the JSON to send, or the issues. */
export type LoadedSetup = {
  file: string;
  ok: boolean;
  setup: Setup | null;
  /** The setup JSON as read, with each row's sheet and row (the body of `ntm setup apply`). */
  json: SetupJson | null;
  /** Errors and warnings (warnings only when ok). */
  issues: Issue[];
};

export async function loadSetupFile(file: string): Promise<LoadedSetup> {
  const read = await readWorkbookFile(file);
  if (!read.ok) return { file, ok: false, setup: null, json: null, issues: read.issues };
  const { result, json } = readSetupWorkbookAndJson(read.value);
  if (!result.ok) return { file, ok: false, setup: null, json, issues: result.issues };
  return { file, ok: true, setup: result.value, json, issues: result.warnings };
}
