import { writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CELLS_TEXTS, loadCellsFile } from "../../../cli/review/cells-file.ts";
import { expectWellFormed } from "../../shared/text/catalogue-check.ts";
import { tempDir } from "../fixtures.ts";

let dir = "";
beforeAll(async () => {
  dir = await tempDir();
});

async function load(content: string) {
  const file = path.join(dir, "cells.json");
  await writeFile(file, content);
  return { file, result: await loadCellsFile(file) };
}

describe("loadCellsFile (--cells of ntm review return)", () => {
  it("a good file: each entry as the API takes it (NFC, trimmed, cell upper-cased, commune null when absent); a BOM is allowed", async () => {
    const { result } = await load(
      "\uFEFF" +
        JSON.stringify([
          { sheet: " Tiêu chí ", cell: " h6", commune: "06400", text: "Kiểm tra lại TC1" },
          { sheet: "Nguồn vốn", cell: "C6", text: "Chưa ghi vốn" },
        ]),
    );
    expect(result).toEqual({
      ok: true,
      value: [
        { sheet: "Tiêu chí", cell: "H6", commune: "06400", text: "Kiểm tra lại TC1" },
        { sheet: "Nguồn vốn", cell: "C6", commune: null, text: "Chưa ghi vốn" },
      ],
    });
  });

  it("an empty list is a return without cell comments", async () => {
    expect((await load("[]")).result).toEqual({ ok: true, value: [] });
  });

  it("the first bad entry is named, numbered from 1, in both languages", async () => {
    const { file, result } = await load(
      JSON.stringify([
        { sheet: "A", cell: "B2", text: "x" },
        { sheet: "A", cell: "AAAA1", text: "x" },
      ]),
    );
    expect(result).toEqual({
      ok: false,
      error: `${file}, mục 2: cell (ô) phải là địa chỉ như H6, không phải "AAAA1" / ${file}, entry 2: cell must be an address such as H6, not "AAAA1"`,
    });
  });

  it("more than 500 entries: refused", async () => {
    const { file, result } = await load(JSON.stringify(Array.from({ length: 501 }, () => ({ sheet: "A", cell: "B2", text: "x" }))));
    expect(result).toEqual({ ok: false, error: `tệp ${file} có 501 ý kiến, tối đa 500 / ${file} has 501 comments, at most 500` });
  });

  it("its messages are well formed", () => {
    expectWellFormed(CELLS_TEXTS);
  });
});
