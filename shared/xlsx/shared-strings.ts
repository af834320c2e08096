import { decodeXEscapes, normaliseXml, xmlText } from "./xml-text.ts";

/**
 * xl/sharedStrings.xml as exceljs reads it: each `<si>` is its `<t>` text, or its rich-text runs
 * (`<r>`, with the font a run names in `<rPr><rFont val>`); phonetic runs (`<rPh>`, the furigana
 * of Japanese text) are left out; `_x000D_` escapes are decoded.
 */

/** One rich-text run: its text (undefined without `<t>`) and the font it names (undefined when none). */
export type Run = { text: string | undefined; font: string | undefined };

/** A shared string: plain text, or rich text as runs. */
export type SharedString = string | Run[];

const T = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
const RUN = /<r(?:\s[^>]*)?>([\s\S]*?)<\/r>|<r(?:\s[^>]*)?\/>/g;
const PHONETIC = /<rPh(?:\s[^>]*)?>[\s\S]*?<\/rPh>|<rPh(?:\s[^>]*)?\/>/g;
const FONT = /<rFont\b([^>]*)>/;

/** The text of the last `<t>` in `xml` (exceljs keeps the last), undefined when there is none. */
function lastText(xml: string): string | undefined {
  let text: string | undefined;
  T.lastIndex = 0;
  for (let m = T.exec(xml); m !== null; m = T.exec(xml)) text = decodeXEscapes(xmlText(m[1] ?? ""));
  return text;
}

/** The runs (`<r>`) of a string item or an inline string; empty when it has none. */
export function richRuns(xml: string, attr: (attrs: string, name: string) => string | null): Run[] {
  const runs: Run[] = [];
  if (!xml.includes("<r")) return runs;
  RUN.lastIndex = 0;
  for (let m = RUN.exec(xml); m !== null; m = RUN.exec(xml)) {
    const body = m[1] ?? "";
    const rPr = body.indexOf("<rPr");
    const font = rPr < 0 ? null : FONT.exec(body.slice(rPr));
    runs.push({ text: lastText(body), font: font ? (attr(font[1]!, "val") ?? undefined) : undefined });
  }
  return runs;
}

/** Every `<si>` of sharedStrings.xml, in order. */
export function sharedStrings(xml: string, attr: (attrs: string, name: string) => string | null): SharedString[] {
  const doc = normaliseXml(xml);
  const out: SharedString[] = [];
  let pos = 0;
  for (;;) {
    const i = doc.indexOf("<si", pos);
    if (i < 0) break;
    const next = doc[i + 3];
    if (next !== ">" && next !== "/" && next !== " " && next !== "\t" && next !== "\n") {
      pos = i + 3;
      continue;
    }
    const gt = doc.indexOf(">", i);
    if (gt < 0) break;
    if (doc[gt - 1] === "/") {
      out.push("");
      pos = gt + 1;
      continue;
    }
    const close = doc.indexOf("</si>", gt);
    if (close < 0) break;
    let body = doc.slice(gt + 1, close);
    pos = close + 5;
    if (body.includes("<rPh")) body = body.replace(PHONETIC, "");
    const runs = richRuns(body, attr);
    out.push(runs.length > 0 ? runs : (lastText(body) ?? ""));
  }
  return out;
}
