import { attr } from "./xml-text.ts";

/**
 * xl/workbook.xml and its relationships (xl/_rels/workbook.xml.rels): the worksheets in workbook
 * order with the zip path of their XML. Chart sheets and other parts are left out; hidden sheets
 * are kept (exceljs keeps them).
 */

export type SheetPart = { name: string; path: string };

type Relationship = { id: string; type: string; target: string };

function relationships(relsXml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*)>/g)) {
    const id = attr(m[1]!, "Id");
    const target = attr(m[1]!, "Target");
    if (id !== null && target !== null) out.push({ id, type: attr(m[1]!, "Type") ?? "", target });
  }
  return out;
}

/** The `<sheet>` elements of workbook.xml: name and relationship id, in order. */
function sheetElements(bookXml: string): { name: string; rid: string | null }[] {
  const out: { name: string; rid: string | null }[] = [];
  for (const m of bookXml.matchAll(/<sheet\b([^>]*)>/g)) {
    out.push({ name: attr(m[1]!, "name") ?? "", rid: attr(m[1]!, "r:id") });
  }
  return out;
}

/**
 * The worksheets as exceljs loads them: each `<sheet>` whose relationship's target, under `xl/`,
 * is a part named like `xl/worksheets/sheetN.xml` that the zip holds.
 */
export function worksheetParts(bookXml: string, relsXml: string, has: (path: string) => boolean): SheetPart[] {
  const targets = new Map(relationships(relsXml).map((r) => [r.id, r.target]));
  const out: SheetPart[] = [];
  for (const s of sheetElements(bookXml)) {
    const target = s.rid === null ? undefined : targets.get(s.rid);
    if (target === undefined) continue;
    const path = `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`;
    if (/xl\/worksheets\/sheet(\d+)[.]xml/.test(path) && has(path)) out.push({ name: s.name, path });
  }
  return out;
}

/** Whether the workbook counts dates from 1904 (`<workbookPr date1904="1">`). */
export function isDate1904(bookXml: string): boolean {
  const m = /<workbookPr\b([^>]*)>/.exec(bookXml);
  return m !== null && attr(m[1]!, "date1904") === "1";
}
