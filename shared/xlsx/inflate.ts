import { type ByteStream, utf8Text, web } from "./web.ts";
import type { ZipEntry } from "./zip-entries.ts";

/**
 * A zip entry's bytes, uncompressed with the web-standard DecompressionStream (Node 20+, browsers,
 * workerd): stored entries as they are, deflated ones through `deflate-raw`.
 */

function compressed(zip: Uint8Array, e: ZipEntry): Uint8Array {
  return zip.subarray(e.start, e.start + e.size);
}

/** The entry's bytes as a stream of chunks (read it only as far as needed, then cancel its reader). */
export function entryStream(zip: Uint8Array, e: ZipEntry): ByteStream {
  if (e.method !== 0 && e.method !== 8) throw new Error(`unsupported zip method ${e.method}`);
  const data = compressed(zip, e);
  const source = new web.ReadableStream({
    start(controller) {
      controller.enqueue(data);
      controller.close();
    },
  });
  return e.method === 0 ? source : source.pipeThrough(new web.DecompressionStream("deflate-raw"));
}

/** The entry's whole bytes. Throws on a damaged deflate stream or an unknown method. */
export async function inflateEntry(zip: Uint8Array, e: ZipEntry): Promise<Uint8Array> {
  if (e.method === 0) return compressed(zip, e);
  const reader = entryStream(zip, e).getReader();
  const parts: Uint8Array[] = [];
  let length = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    parts.push(r.value);
    length += r.value.length;
  }
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The entry as UTF-8 text. */
export async function entryText(zip: Uint8Array, e: ZipEntry): Promise<string> {
  return utf8Text(await inflateEntry(zip, e));
}
