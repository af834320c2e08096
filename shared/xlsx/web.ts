/**
 * The few web-standard classes the .xlsx reader needs (TextDecoder, ReadableStream,
 * DecompressionStream: Node 20+, browsers, workerd), typed here and taken from globalThis so that
 * shared/ declares no global and each host's own types stay untouched.
 */

export type ChunkReader = {
  read(): Promise<{ done: true; value?: undefined } | { done: false; value: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
};

export type ByteStream = {
  getReader(): ChunkReader;
  pipeThrough(transform: { writable: unknown; readable: ByteStream }): ByteStream;
};

type Web = {
  TextDecoder: new (
    label?: string,
    options?: { fatal?: boolean },
  ) => { decode(input?: Uint8Array, options?: { stream?: boolean }): string };
  ReadableStream: new (source: { start(controller: { enqueue(chunk: Uint8Array): void; close(): void }): void }) => ByteStream;
  DecompressionStream: new (format: "deflate-raw") => { writable: unknown; readable: ByteStream };
};

export const web = globalThis as unknown as Web;

const utf8 = new web.TextDecoder();

/** UTF-8 bytes → text (a byte-order mark is dropped, as XML parsers do). */
export function utf8Text(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}
