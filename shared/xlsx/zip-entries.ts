import { utf8Text } from "./web.ts";

/**
 * The entries of a zip (an .xlsx, an .ods) read from its central directory: where each entry's
 * bytes start, how long they are and how they are stored. No inflating here (inflate.ts).
 */

/** One entry: compression method (0 stored, 8 deflate), offset of its data, compressed size. */
export type ZipEntry = { method: number; start: number; size: number };

/** The zip's entries by name (central directory), or null when it is not a zip this can read. */
export function zipEntries(zip: Uint8Array): Map<string, ZipEntry> | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const out = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > zip.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = utf8Text(zip.subarray(p + 46, p + 46 + nameLen));
    if (local + 30 > zip.length) return null;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + size > zip.length) return null;
    out.set(name.replace(/^\//, ""), { method, start, size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
