import type { Issue } from "../../shared/result.ts";
import type { ApiFailure } from "../api/client.ts";

/** A failure as the pane shows it: Vietnamese and English text, plus any issues to list. */
export type UiError = { message: string; messageEn: string; detail: string | null; issues: Issue[] };

export function fromApiFailure(f: ApiFailure): UiError {
  return { message: f.message, messageEn: f.messageEn, detail: f.serverMessage, issues: f.issues };
}

/** Any thrown value (ExcelOperationError from the adapter, or anything else) → UiError. */
export function fromThrown(e: unknown): UiError {
  if (typeof e === "object" && e !== null && "messageVi" in e && "messageEn" in e) {
    const x = e as { messageVi: string; messageEn: string; code?: string; detail?: string | null };
    return { message: x.messageVi, messageEn: x.messageEn, detail: x.detail ?? x.code ?? null, issues: [] };
  }
  const text = e instanceof Error ? e.message : String(e);
  return { message: `Có lỗi không mong muốn: ${text}`, messageEn: `Unexpected error: ${text}`, detail: null, issues: [] };
}
