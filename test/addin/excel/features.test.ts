import { afterEach, describe, expect, it } from "vitest";
import { API_VERSIONS, detectFeatures, skipNote, supports } from "../../../addin/excel/features.ts";
import { FakeExcel } from "../../fakes/excel/host.ts";

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

describe("detectFeatures", () => {
  it("asks Office.context.requirements.isSetSupported for every ExcelApi version", () => {
    const fake = new FakeExcel({ apiVersion: 7 });
    uninstall = fake.install();
    const f = detectFeatures();
    expect(Object.keys(f.api)).toEqual([...API_VERSIONS]);
    expect(f.api["1.7"]).toBe(true);
    expect(f.api["1.8"]).toBe(false);
    expect(supports(f, "freeze")).toBe(true);
    expect(supports(f, "dataValidation")).toBe(false);
    expect(supports(f, "tableResize")).toBe(false);
  });
  it("treats a host without Office as supporting nothing", () => {
    const f = detectFeatures();
    expect(Object.values(f.api).some(Boolean)).toBe(false);
    expect(supports(f, "merge")).toBe(false);
  });
  it("on ExcelApi 1.1 only the core is there", () => {
    const f = detectFeatures((name, v) => name === "ExcelApi" && v === "1.1");
    expect(f.api["1.1"]).toBe(true);
    for (const feature of ["merge", "protection", "conditionalFormats", "freeze", "dataValidation", "pageLayout", "tableResize"] as const) {
      expect(supports(f, feature)).toBe(false);
    }
  });
  it("names skipped features with their requirement set", () => {
    expect(skipNote("dataValidation")).toBe("dataValidation (ExcelApi 1.8)");
    expect(skipNote("tableResize")).toBe("tableResize (ExcelApi 1.13)");
  });
});
