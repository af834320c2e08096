/**
 * Excel on the web refuses a request or response over 5 MB. Writes and reads go as whole 2-D
 * arrays split into row chunks so each request stays under MAX_REQUEST_BYTES, estimated from the
 * payload: syncs grow with size / 4 MB only, never with the number of rows.
 */
export const MAX_REQUEST_BYTES = 4_000_000;
/** Reads are estimated before the values are known: bytes per cell of a `Range.values` response. */
export const READ_BYTES_PER_CELL = 48;
/** Small operations (a merge, a format, a table name) are counted at this size. */
export const OP_BYTES = 200;

/** UTF-8 length of a string as it travels in JSON (quotes and escapes included). */
export function textBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92) n += 2;
    else if (c < 0x20) n += 6;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Estimated JSON bytes of one cell value (plus its separator). */
export function cellBytes(v: unknown): number {
  if (typeof v === "string") return textBytes(v) + 1;
  if (typeof v === "number") return String(v).length + 1;
  if (typeof v === "boolean") return v ? 5 : 6;
  return 5;
}

export function rowBytes(row: readonly unknown[]): number {
  let n = 2;
  for (const v of row) n += cellBytes(v);
  return n;
}

export type RowChunk = { start: number; count: number; bytes: number };

/**
 * Splits rows (given their byte sizes) into consecutive chunks of at most `maxBytes` each; a single
 * row larger than that is a chunk of its own. `firstMax` (default `maxBytes`) limits the first
 * chunk, so it can fill what is left of a request already partly queued.
 */
export function splitRows(rowSizes: readonly number[], maxBytes: number = MAX_REQUEST_BYTES, firstMax: number = maxBytes): RowChunk[] {
  const chunks: RowChunk[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rowSizes.length; i++) {
    const b = rowSizes[i]!;
    const limit = chunks.length === 0 ? firstMax : maxBytes;
    if (i > start && bytes + b > limit) {
      chunks.push({ start, count: i - start, bytes });
      start = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (rowSizes.length > start) chunks.push({ start, count: rowSizes.length - start, bytes });
  return chunks;
}

/** Row chunks of a read of `rows` × `columns` cells, sized by READ_BYTES_PER_CELL. */
export function splitRead(rows: number, columns: number, maxBytes: number = MAX_REQUEST_BYTES, firstMax: number = maxBytes): RowChunk[] {
  const per = Math.max(1, columns) * READ_BYTES_PER_CELL;
  return splitRows(new Array<number>(rows).fill(per), maxBytes, firstMax);
}

/**
 * Keeps the queued payload of one request under the limit: `reserve(bytes)` syncs first when the
 * queued work plus `bytes` would exceed it. `flush()` syncs what is queued.
 */
export class RequestBudget {
  readonly maxBytes: number;
  private pending = 0;
  private readonly sync: () => Promise<void>;

  constructor(sync: () => Promise<void>, maxBytes: number = MAX_REQUEST_BYTES) {
    this.sync = sync;
    this.maxBytes = maxBytes;
  }

  async reserve(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.maxBytes) await this.flush();
    this.pending += bytes;
  }

  get queued(): number {
    return this.pending;
  }

  /** What the current request can still take (`overhead` kept aside for the chunk's own ops). */
  remaining(overhead = 0): number {
    return Math.max(0, this.maxBytes - this.pending - overhead);
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    this.pending = 0;
    await this.sync();
  }
}
