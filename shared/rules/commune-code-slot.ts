/**
 * A stored `Mã xã` (exactly 5 ASCII digits, shared/template/commune-code.ts) as a number 0..99,999:
 * an index into typed arrays, so rules over 10,000 communes look codes up without a Map of strings.
 * Anything else (an invalid code a rule still reports) has no slot: -1.
 */
export const CODE_SLOTS = 100_000;

export function codeSlot(code: string): number {
  if (code.length !== 5) return -1;
  let n = 0;
  for (let i = 0; i < 5; i++) {
    const d = code.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
