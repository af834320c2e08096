import { describe, expect, it } from "vitest";
import { formatEnMillion, formatVnMillion, readAmount } from "../../../shared/text/vn-number.ts";

const ok = (milli: number) => ({ ok: true, milli, empty: false });
const fail = (kind: string) => ({ ok: false, kind });

describe("readAmount: text in Vietnamese format", () => {
  it.each([
    ["1.700.000", 1_700_000_000],
    ["273.800,5", 273_800_500],
    ["437,1", 437_100],
    ["1 700 000", 1_700_000_000],
    ["1\u00a0700\u00a0000", 1_700_000_000],
    ["1\u202f700\u202f000,25", 1_700_000_250],
    ["  35000 ", 35_000_000],
    ["0,125", 125],
    ["5.000", 5_000_000],
    ["12,5000", 12_500],
    ["-0", 0],
  ])("%j → %d thousandths", (text, milli) => {
    expect(readAmount(text)).toEqual(ok(milli));
  });

  it.each(["35,000", "1,700", "273,800", "5,000"])("%j is ambiguous (d,ddd / dd,ddd / ddd,ddd)", (text) => {
    expect(readAmount(text)).toEqual(fail("ambiguous"));
  });

  it.each(["1,700,000", "437.1", "12.34", "abc", "1.700 000", "12 34", "1,", ",5", "1e5", "+5", "5 triệu", "1..000"])(
    "%j is invalid",
    (text) => expect(readAmount(text)).toEqual(fail("invalid")),
  );

  it("beyond 10^12 units (MAX_MILLI) is too large, not unreadable; 10^12 itself is read exactly", () => {
    expect(readAmount("1.000.000.000.000")).toEqual(ok(1e15));
    expect(readAmount("1.000.000.000.000,001")).toEqual(fail("too_large"));
    expect(readAmount("12345678901234")).toEqual(fail("too_large"));
    expect(readAmount(1e12)).toEqual(ok(1e15));
    expect(readAmount(1e12 + 1)).toEqual(fail("too_large"));
    expect(readAmount("-12345678901234")).toEqual(fail("negative"));
  });

  it("more than 3 decimals is too precise, trailing zeros are not", () => {
    expect(readAmount("1,2345")).toEqual(fail("too_precise"));
    expect(readAmount("1,2340")).toEqual(ok(1234));
  });

  it("negative text is refused", () => {
    expect(readAmount("-5")).toEqual(fail("negative"));
    expect(readAmount("\u22121.000")).toEqual(fail("negative"));
    expect(readAmount("-35,000")).toEqual(fail("ambiguous"));
  });

  it("empty text and blank cells are an empty 0", () => {
    for (const v of ["", "   ", "\u00a0", null, undefined]) expect(readAmount(v)).toEqual({ ok: true, milli: 0, empty: true });
  });
});

describe("readAmount: number cells", () => {
  it("takes up to 3 decimals as is", () => {
    expect(readAmount(273800.5)).toEqual(ok(273_800_500));
    expect(readAmount(0.001)).toEqual(ok(1));
    expect(readAmount(1700000)).toEqual(ok(1_700_000_000));
    expect(readAmount(0)).toEqual(ok(0));
  });
  it("rounds float noise away (273800.30000000002, 0.1 + 0.2)", () => {
    expect(readAmount(273800.30000000002)).toEqual(ok(273_800_300));
    expect(readAmount(0.1 + 0.2)).toEqual(ok(300));
    expect(readAmount(1.1000000000000001)).toEqual(ok(1100));
  });
  it("refuses finer values, negatives and non-numbers", () => {
    expect(readAmount(1.2345)).toEqual(fail("too_precise"));
    expect(readAmount(0.0005)).toEqual(fail("too_precise"));
    expect(readAmount(-1)).toEqual(fail("negative"));
    expect(readAmount(Number.NaN)).toEqual(fail("invalid"));
    expect(readAmount(Infinity)).toEqual(fail("invalid"));
    expect(readAmount(1e300)).toEqual(fail("too_large"));
    expect(readAmount(true)).toEqual(fail("invalid"));
    expect(readAmount({})).toEqual(fail("invalid"));
  });
});

describe("formatting amounts for messages", () => {
  it("Vietnamese and English forms of thousand VND in million VND", () => {
    expect(formatVnMillion(273_800_500)).toBe("273.800,5");
    expect(formatVnMillion(2_526_400_000)).toBe("2.526.400");
    expect(formatVnMillion(1)).toBe("0,001");
    expect(formatEnMillion(273_800_500)).toBe("273,800.5");
    expect(formatEnMillion(0)).toBe("0");
  });
});
