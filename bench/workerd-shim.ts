/**
 * The one workerd API the Worker uses that Node lacks: `crypto.subtle.timingSafeEqual` (worker/auth
 * compares token digests with it). Defined here with node:crypto's equivalent, for benchmarks in Node only.
 */
import { timingSafeEqual } from "node:crypto";

const subtle = crypto.subtle as SubtleCrypto & { timingSafeEqual?: (a: ArrayBufferView, b: ArrayBufferView) => boolean };
if (typeof subtle.timingSafeEqual !== "function") {
  Object.defineProperty(subtle, "timingSafeEqual", {
    value: (a: ArrayBufferView, b: ArrayBufferView) =>
      timingSafeEqual(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), new Uint8Array(b.buffer, b.byteOffset, b.byteLength)),
    configurable: true,
  });
}
