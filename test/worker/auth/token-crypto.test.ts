import { expect, it } from "vitest";
import { digestsEqual, fromHex, generateToken, hashToken, toHex } from "../../../worker/auth/token-crypto.ts";

it("tokens are ntm_ + 43 base64url characters (256 bits) and never repeat", () => {
  const tokens = Array.from({ length: 200 }, generateToken);
  for (const t of tokens) expect(t).toMatch(/^ntm_[A-Za-z0-9_-]{43}$/);
  expect(new Set(tokens).size).toBe(200);
});

it("hashToken is the lower-case hex SHA-256", async () => {
  expect(await hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
});

it("hex round-trips; digest comparison is exact and length-safe", () => {
  const bytes = new Uint8Array([0, 1, 127, 128, 255]);
  expect(fromHex(toHex(bytes))).toEqual(bytes);
  expect(digestsEqual(bytes, new Uint8Array([0, 1, 127, 128, 255]))).toBe(true);
  expect(digestsEqual(bytes, new Uint8Array([0, 1, 127, 128, 254]))).toBe(false);
  expect(digestsEqual(bytes, new Uint8Array([0, 1, 127, 128]))).toBe(false);
});
