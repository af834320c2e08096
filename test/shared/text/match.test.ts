import { describe, expect, it } from "vitest";
import { cleanText, matchKey } from "../../../shared/text/match.ts";

describe("cleanText: how stored text is kept", () => {
  it("NFC, trimmed, inner white space (tab, line breaks, NBSP, NEL, U+2028) collapsed to one space", () => {
    expect(cleanText(" Xã  Hoàng\tĐồng\r\n".normalize("NFD"))).toBe("Xã Hoàng Đồng");
    expect(cleanText("Xã\u00a0Tân\u0085Liên\u2028\u3000")).toBe("Xã Tân Liên");
  });

  it("zero-width and format characters are removed, not turned into spaces", () => {
    expect(cleanText("Hoàng\u200bĐồng")).toBe("HoàngĐồng");
    expect(cleanText("Hoàng \u200c\u200d\u2060\ufeffĐồng")).toBe("Hoàng Đồng");
    expect(cleanText("\u200e\u200fTân\u00adLiên\u202a\u2066")).toBe("TânLiên");
  });

  it("C0 and C1 controls other than white space are removed", () => {
    expect(cleanText("Xã\u0000 A\u0007\u001b\u007f\u0090")).toBe("Xã A");
  });

  it("nothing but invisible characters cleans to the empty string", () => {
    for (const t of ["", "   ", "\u200b", "\u0000", "\ufeff\u2060\u200d", "\t\n\u00a0", "\u0001\u009f"]) {
      expect([t, cleanText(t)]).toEqual([t, ""]);
    }
  });

  it("clean text comes back as it is; cleaning twice changes nothing", () => {
    for (const t of ["Xã Hoàng Đồng", "0205 3812 345", "Huyện Cao Lộc", 'Xã Đồng Đăng "A"\\', "🌾 Mới"]) {
      expect(cleanText(t)).toBe(t);
      expect(cleanText(cleanText(` ${t}\u200b\t`))).toBe(t);
    }
  });

  it("text already clean comes back as the very same string, without normalising (Latin below U+0300, Vietnamese letters)", () => {
    // The premise of the fast path: every such character is NFC on its own and after a letter.
    for (let c = 0x20; c < 0x300; c++) {
      const ch = String.fromCharCode(c);
      expect(`a${ch}`.normalize("NFC")).toBe(`a${ch}`);
    }
    for (let c = 0x1e00; c <= 0x1eff; c++) {
      const ch = String.fromCharCode(c);
      expect(`a${ch}`.normalize("NFC")).toBe(`a${ch}`);
      expect(cleanText(`Xã ${ch}`)).toBe(`Xã ${ch}`);
    }
    for (const t of ["Xã Thử Nghiệm 10000", "Huyện Cao Lộc", "Chưa đạt", "Đạt", "ASCII only", "a", "Ơ ư đ Đ ẫ Ỹ"]) {
      expect(cleanText(t)).toBe(t);
    }
  });

  it("text that is not clean still takes the full path: NFD, controls, NBSP, double or edge spaces, other scripts", () => {
    expect(cleanText("Xa\u0303 Thu\u031b\u0309")).toBe("Xã Thử");
    expect(cleanText("A\u030a")).toBe("Å");
    expect(cleanText("Xã  Tân")).toBe("Xã Tân");
    expect(cleanText(" Tân")).toBe("Tân");
    expect(cleanText("Tân ")).toBe("Tân");
    expect(cleanText("Tân\u00a0Liên")).toBe("Tân Liên");
    expect(cleanText("Tân\u00adLiên")).toBe("TânLiên");
    expect(cleanText("Tân\u0085Liên")).toBe("Tân Liên");
    expect(cleanText("Tân\u007fLiên")).toBe("TânLiên");
    expect(cleanText("\u212b")).toBe("\u00c5");
    expect(cleanText("\u1e9b\u0323")).toBe("\u1e9b\u0323".normalize("NFC"));
  });

  it("matchKey compares cleaned, lower-cased text", () => {
    expect(matchKey(" MÃ\u200b  XÃ ".normalize("NFD"))).toBe("mã xã");
  });
});
