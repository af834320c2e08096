import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { MAX_BODY_BYTES } from "../../shared/limits.ts";
import { errorResponse, malformed, payloadTooLarge } from "./errors.ts";

/** Largest request body the API accepts: 413 above (the size contract, shared/limits.ts). */
export { MAX_BODY_BYTES };

/** hono/body-limit: refuses a declared Content-Length over the limit, counts chunked bodies. */
export const limitBody: MiddlewareHandler = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => errorResponse(c, payloadTooLarge()),
});

/**
 * The JSON body, read from the stream with the byte limit counted again (a Content-Length header
 * is never trusted alone). 413 over the limit, 400 for invalid UTF-8 or JSON.
 */
export async function readJson(c: Context): Promise<unknown> {
  const stream = c.req.raw.body;
  if (!stream) throw malformed("Thiếu dữ liệu JSON trong yêu cầu.", "The request has no JSON body.");
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge();
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    bytes.set(p, offset);
    offset += p.byteLength;
  }
  parts.length = 0; // a 16 MB body is held once as bytes, then as text: not three times
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw malformed("Dữ liệu gửi lên không phải văn bản UTF-8.", "The request body is not UTF-8 text.");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformed("Dữ liệu gửi lên không phải JSON hợp lệ.", "The request body is not valid JSON.");
  }
}
