import { describe, expect, it } from "vitest";
import { vi } from "../../../addin/i18n/vi.ts";
import { en } from "../../../addin/i18n/en.ts";
import { format, formatNumber } from "../../../addin/i18n/format.ts";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n", () => {
  it("vi and en have exactly the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it("no text is empty, in either language", () => {
    const empty = [...Object.entries(vi), ...Object.entries(en)].filter(([, v]) => v.trim() === "").map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it("each key has the same placeholders in both languages", () => {
    const differ = (Object.keys(vi) as (keyof typeof vi)[]).filter((k) => placeholders(vi[k]).join() !== placeholders(en[k]).join());
    expect(differ).toEqual([]);
  });

  it("Vietnamese texts are NFC (composed), as typed text is compared", () => {
    const notNfc = Object.entries(vi).filter(([, v]) => v !== v.normalize("NFC")).map(([k]) => k);
    expect(notNfc).toEqual([]);
  });

  it("fills placeholders and keeps unknown ones", () => {
    expect(format("vi", "issueCounts", { errors: 2, warnings: 1 })).toBe("2 lỗi, 1 cảnh báo");
    expect(format("en", "issueCounts", { errors: 2, warnings: 1 })).toBe("2 errors, 1 warnings");
    expect(format("vi", "receivedCount", { submitted: 1 })).toBe("Đã nhận 1/{total} huyện");
  });

  it("formats numbers the Vietnamese way", () => {
    expect(formatNumber("vi", 2526400.5)).toBe("2.526.400,5");
    expect(formatNumber("en", 2526400.5)).toBe("2,526,400.5");
  });
});
