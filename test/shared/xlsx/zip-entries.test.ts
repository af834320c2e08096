import { describe, expect, it } from "vitest";
import { entryText, inflateEntry } from "../../../shared/xlsx/inflate.ts";
import { zipEntries } from "../../../shared/xlsx/zip-entries.ts";
import { zip } from "./zip-writer.ts";

describe("zipEntries and inflate", () => {
  const bytes = zip([
    { name: "a.txt", data: "stored Tiếng Việt", store: true },
    { name: "/b/c.xml", data: "<x>".repeat(50_000) },
  ]);

  it("lists every entry by name (a leading / dropped) with its method, and inflates stored and deflated entries", async () => {
    const entries = zipEntries(bytes)!;
    expect([...entries.keys()]).toEqual(["a.txt", "b/c.xml"]);
    expect([entries.get("a.txt")!.method, entries.get("b/c.xml")!.method]).toEqual([0, 8]);
    expect(await entryText(bytes, entries.get("a.txt")!)).toBe("stored Tiếng Việt");
    expect((await inflateEntry(bytes, entries.get("b/c.xml")!)).length).toBe(150_000);
  });

  it("null for bytes without a central directory, or one pointing past the end", () => {
    expect(zipEntries(bytes.subarray(0, bytes.length - 30))).toBeNull();
    expect(zipEntries(new Uint8Array(10))).toBeNull();
    const broken = bytes.slice();
    broken[broken.length - 6] = 0xff; // central directory offset far past the end
    expect(zipEntries(broken)).toBeNull();
  });

  it("throws on an unknown method or damaged deflate data", async () => {
    const entries = zipEntries(bytes)!;
    await expect(inflateEntry(bytes, { ...entries.get("b/c.xml")!, method: 12 })).rejects.toThrow("unsupported zip method 12");
    const damaged = bytes.slice();
    const e = entries.get("b/c.xml")!;
    damaged.fill(0xff, e.start, e.start + 8);
    await expect(inflateEntry(damaged, e)).rejects.toThrow();
  });
});
