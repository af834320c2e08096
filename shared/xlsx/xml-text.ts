/**
 * Text and attributes of XML as an XML parser hands them over (exceljs uses saxes): line ends
 * normalised to `\n`, the five named entities and numeric character references decoded, comments
 * and CDATA sections left out (exceljs listens to text events only).
 */

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, e: string) => {
    if (e[0] !== "#") return NAMED[e] ?? whole;
    const code = e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Character data between tags (line ends already normalised in the document, see normaliseXml). */
export function xmlText(raw: string): string {
  if (raw.includes("<!")) raw = raw.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  return decodeEntities(raw);
}

/** A whole document with `\r\n` and lone `\r` as `\n`, as the XML spec has parsers read it. */
export function normaliseXml(xml: string): string {
  return xml.includes("\r") ? xml.replace(/\r\n?/g, "\n") : xml;
}

/** An attribute's value in the attribute text of a tag (`name` may carry a prefix: `r:id`), or null. */
export function attr(attrs: string, name: string): string | null {
  const raw = rawAttr(attrs, name);
  // Attribute-value normalisation: tab and newline become spaces.
  if (raw === null) return null;
  return decodeEntities(raw.includes("\t") || raw.includes("\n") ? raw.replace(/[\t\n]/g, " ") : raw);
}

/** An attribute's value as written (no entity decoding), or null. */
export function rawAttr(attrs: string, name: string): string | null {
  let from = 0;
  for (;;) {
    const i = attrs.indexOf(name, from);
    if (i < 0) return null;
    from = i + name.length;
    const before = i === 0 ? " " : attrs[i - 1]!;
    if (before !== " " && before !== "\t" && before !== "\n" && before !== "\r") continue;
    let j = from;
    while (attrs[j] === " " || attrs[j] === "\t" || attrs[j] === "\n") j++;
    if (attrs[j] !== "=") continue;
    j++;
    while (attrs[j] === " " || attrs[j] === "\t" || attrs[j] === "\n") j++;
    const q = attrs[j];
    if (q !== '"' && q !== "'") return null;
    const end = attrs.indexOf(q, j + 1);
    if (end < 0) return null;
    return attrs.slice(j + 1, end);
  }
}

/** exceljs' own second decoding of `t="str"` text (utils.xmlDecode): lower-case named entities only. */
export function excelXmlDecode(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

/** Excel's `_x000D_` escapes of characters XML cannot hold, decoded as exceljs does (upper-case hex only). */
export function decodeXEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
