/**
 * D1 limits one string or row to 2,000,000 bytes: many rows travel as JSON array parameters of at
 * most 1 MB each, read by `INSERT … SELECT … FROM json_each(?)`, so writing 10,000 rows costs a few
 * statements instead of 10,000.
 */
export const MAX_CHUNK_BYTES = 1_000_000;

/** A chunk: the JSON array of some rows, and the index of its first row among all rows. */
export type JsonChunk = { json: string; offset: number };

/**
 * `rows` as JSON arrays of at most `maxBytes` UTF-8 bytes each, every row kept and in order (one
 * row larger than the limit goes alone in its chunk), each with the index of its first row. None
 * for no rows.
 */
export function chunkRows(rows: readonly unknown[], maxBytes = MAX_CHUNK_BYTES): JsonChunk[] {
  if (rows.length === 0) return [];
  // The usual case: everything in one chunk, serialised once (a UTF-16 unit is at most 3 UTF-8 bytes).
  const enc = new TextEncoder();
  const all = JSON.stringify(rows);
  if (all.length * 3 <= maxBytes || enc.encode(all).byteLength <= maxBytes) return [{ json: all, offset: 0 }];
  const chunks: JsonChunk[] = [];
  let current: string[] = [];
  let offset = 0;
  let size = 2;
  rows.forEach((r, i) => {
    const json = JSON.stringify(r);
    const bytes = enc.encode(json).byteLength + 1;
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push({ json: "[" + current.join(",") + "]", offset });
      current = [];
      offset = i;
      size = 2;
    }
    current.push(json);
    size += bytes;
  });
  chunks.push({ json: "[" + current.join(",") + "]", offset });
  return chunks;
}

/** The JSON texts of `chunkRows`. */
export function chunkJson(rows: readonly unknown[], maxBytes = MAX_CHUNK_BYTES): string[] {
  return chunkRows(rows, maxBytes).map((c) => c.json);
}
