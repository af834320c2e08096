import { describe, expect, it } from "vitest";
import { fill, render, renderBoth } from "../../../shared/text/catalogue.ts";

describe("fill: placeholders of a catalogue text", () => {
  it("each {name} is replaced by its parameter, numbers as text, repeated names each time", () => {
    expect(fill("Xã {code}: KH chỉ có {count} tiêu chí.", { code: "06148", count: 4 })).toBe("Xã 06148: KH chỉ có 4 tiêu chí.");
    expect(fill("{a}{a}-{b}", { a: "x", b: 0 })).toBe("xx-0");
    expect(fill("no placeholder", { a: 1 })).toBe("no placeholder");
    expect(fill("", {})).toBe("");
  });

  it("an unknown placeholder, an inherited name or a malformed one is kept as typed", () => {
    expect(fill("{code} {missing}", { code: "1" })).toBe("1 {missing}");
    expect(fill("{toString} {constructor}")).toBe("{toString} {constructor}");
    expect(fill("{{a}} {a b} {} {a-b}", { a: "x" })).toBe("{x} {a b} {} {a-b}");
  });

  it("a parameter's own text is inserted as it is (no $ patterns, no second pass)", () => {
    expect(fill("{a}|{b}", { a: "$& $1 $$", b: "{a}" })).toBe("$& $1 $$|{a}");
  });

  it("the same text with other parameters gives the other result (texts are split once, filled each time)", () => {
    const text = "Commune {code}: {count} criteria";
    expect(fill(text, { code: "A", count: 1 })).toBe("Commune A: 1 criteria");
    expect(fill(text, { code: "B", count: 2 })).toBe("Commune B: 2 criteria");
    expect(fill(text, { code: "C" })).toBe("Commune C: {count} criteria");
  });

  it("render and renderBoth fill the text of a key", () => {
    const cat = { hi: { vi: "Chào {name}", en: "Hello {name}" } };
    expect(render(cat, "hi", "en", { name: "Lạng Sơn" })).toBe("Hello Lạng Sơn");
    expect(renderBoth(cat, "hi", { name: "Cao Lộc" })).toEqual({ vi: "Chào Cao Lộc", en: "Hello Cao Lộc" });
  });
});
