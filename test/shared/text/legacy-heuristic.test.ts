import { describe, expect, it } from "vitest";
import { guessLegacyEncoding } from "../../../shared/text/legacy-heuristic.ts";

describe("guessLegacyEncoding (characters only)", () => {
  it("guesses TCVN3 and VNI from the characters", () => {
    expect(["Hoµng §ång", "Hoaøng Ñoàng", "Cã", "Kh«ng"].map(guessLegacyEncoding)).toEqual(["tcvn3", "vni", "tcvn3", "tcvn3"]);
  });

  it("also fires on foreign Latin-1 words: detectLegacyEncoding checks the conversion on top", () => {
    expect(["Año", "Zürich", "Müller", "Ñoño", "Señor"].map(guessLegacyEncoding)).toEqual(["tcvn3", "tcvn3", "tcvn3", "vni", "tcvn3"]);
  });

  it("exits early on text without any 0xA1-0xFF character", () => {
    expect(["", "Dat", "Đạt", "Hoàng Đồng", "Hoa\u0300ng", "06148", "✓"].map(guessLegacyEncoding)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
