import { describe, expect, it } from "vitest";
import { RequestBudget, cellBytes, rowBytes, splitRead, splitRows, textBytes, READ_BYTES_PER_CELL } from "../../../addin/excel/chunks.ts";

describe("payload estimates", () => {
  it("counts UTF-8 bytes and JSON quoting of text", () => {
    expect(textBytes("abc")).toBe(5);
    expect(textBytes("Đạt")).toBe(2 + 2 + 3 + 1); // Đ 2 bytes, ạ 3 bytes, t 1, quotes 2
    expect(textBytes('a"b')).toBe(2 + 1 + 2 + 1);
    expect(cellBytes(12345)).toBe(6);
    expect(cellBytes(true)).toBe(5);
    expect(rowBytes(["ab", 1])).toBe(2 + 5 + 2);
  });
});

describe("splitRows", () => {
  it("packs consecutive rows up to the limit", () => {
    expect(splitRows([3, 3, 3, 3, 3], 6)).toEqual([
      { start: 0, count: 2, bytes: 6 },
      { start: 2, count: 2, bytes: 6 },
      { start: 4, count: 1, bytes: 3 },
    ]);
  });
  it("puts a row larger than the limit in a chunk of its own", () => {
    expect(splitRows([2, 10, 2], 5)).toEqual([
      { start: 0, count: 1, bytes: 2 },
      { start: 1, count: 1, bytes: 10 },
      { start: 2, count: 1, bytes: 2 },
    ]);
  });
  it("fills what is left of a partly queued request first", () => {
    expect(splitRows([3, 3, 3, 3], 6, 3)).toEqual([
      { start: 0, count: 1, bytes: 3 },
      { start: 1, count: 2, bytes: 6 },
      { start: 3, count: 1, bytes: 3 },
    ]);
  });
  it("gives no chunk for no rows", () => {
    expect(splitRows([], 10)).toEqual([]);
  });
  it("sizes reads by cells: 10,000 rows of 47 columns need ceil(size / 4 MB) requests", () => {
    const chunks = splitRead(10_000, 47);
    expect(chunks.length).toBe(Math.ceil((10_000 * 47 * READ_BYTES_PER_CELL) / 4_000_000));
    expect(chunks.reduce((n, c) => n + c.count, 0)).toBe(10_000);
    expect(chunks.every((c) => c.bytes <= 4_000_000)).toBe(true);
  });
});

describe("RequestBudget", () => {
  it("syncs only when the queued payload would pass the limit", async () => {
    let syncs = 0;
    const b = new RequestBudget(async () => {
      syncs++;
    }, 10);
    await b.reserve(4);
    await b.reserve(6);
    expect(syncs).toBe(0);
    await b.reserve(1);
    expect(syncs).toBe(1);
    expect(b.queued).toBe(1);
    await b.flush();
    await b.flush();
    expect(syncs).toBe(2);
  });
});
