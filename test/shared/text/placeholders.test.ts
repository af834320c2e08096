import { describe, expect, it } from "vitest";
import { placeholders } from "../../../shared/text/placeholders.ts";
import { expectWellFormed } from "./catalogue-check.ts";

describe("placeholders", () => {
  it("lists each {name} once, in order", () => {
    expect(placeholders("Mã xã {code} ({name}) ở {first} và {later}; {code}")).toEqual(["code", "name", "first", "later"]);
  });
  it("finds none in plain text or in braces that are not a name", () => {
    expect(placeholders("Tệp Excel không có trang tính nào.")).toEqual([]);
    expect(placeholders("{ } {a-b} {}")).toEqual([]);
  });
});

describe("expectWellFormed", () => {
  it("passes a catalogue in the one shape", () => {
    expectWellFormed({ a: { vi: "Xã {code}", en: "Commune {code}" }, b: { vi: "Có", en: "Yes" } });
  });
  it.each([
    [{ a: { vi: "", en: "Yes" } }],
    [{ a: { vi: "Có", en: " " } }],
    [{ a: { vi: "Xã {code}", en: "Commune {name}" } }],
    [{ a: { vi: "Xã {code}", en: "Commune" } }],
  ])("fails %j", (catalogue) => {
    expect(() => expectWellFormed(catalogue)).toThrow();
  });
});
