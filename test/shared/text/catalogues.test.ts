import { describe, expect, it } from "vitest";
import { ARG_TEXTS } from "../../../cli/args.ts";
import { DEMO_TEXTS } from "../../../cli/demo-data.ts";
import { LOAD_TEXTS } from "../../../cli/load-workbook.ts";
import { MAIN_TEXTS } from "../../../cli/main.ts";
import { COMMAND_NAMES, COMMAND_PURPOSES, USAGE_TEXTS } from "../../../cli/usage.ts";
import { READ_TEXTS } from "../../../cli/xlsx/read-workbook.ts";
import { CONSOLIDATE_TEXTS } from "../../../shared/report/consolidate.ts";
import { ISSUE_TEXTS } from "../../../shared/template/messages.ts";
import { ENCODING_NAMES, conversionHint } from "../../../shared/text/legacy-encoding.ts";
import { expectWellFormed } from "./catalogue-check.ts";

/** Every bilingual table of the template, the consolidation and the CLI is one catalogue shape. */
describe.each([
  ["template issues", ISSUE_TEXTS],
  ["legacy encodings", ENCODING_NAMES],
  ["local consolidation", CONSOLIDATE_TEXTS],
  ["reading a workbook", READ_TEXTS],
  ["loading a workbook", LOAD_TEXTS],
  ["arguments", ARG_TEXTS],
  ["commands", MAIN_TEXTS],
  ["usage", USAGE_TEXTS],
  ["command purposes", COMMAND_PURPOSES],
  ["demo data", DEMO_TEXTS],
])("catalogue of %s", (_name, catalogue) => {
  it("has non-empty vi and en with the same placeholders, and every key renders", () => {
    expectWellFormed(catalogue);
  });
});

describe("catalogue contents", () => {
  it("names every command's purpose", () => {
    expect(Object.keys(COMMAND_PURPOSES).sort()).toEqual([...COMMAND_NAMES].sort());
  });
  it("names both legacy encodings", () => {
    expect(ENCODING_NAMES.tcvn3).toEqual({ vi: "TCVN3 (ABC, phông .VnTime)", en: "TCVN3 (ABC, .VnTime fonts)" });
    expect(conversionHint("tcvn3")).toEqual({
      vi: "TCVN3 (ABC, phông .VnTime; chuyển cả tệp bằng lệnh: ntm convert <tệp.xlsx> --out <tệp mới.xlsx>)",
      en: "TCVN3 (ABC, .VnTime fonts; convert the whole file with: ntm convert <file.xlsx> --out <new file.xlsx>)",
    });
    expect(conversionHint("vni")).toEqual({
      vi: "VNI (phông VNI-Times; chuyển cả tệp bằng lệnh: ntm convert <tệp.xlsx> --out <tệp mới.xlsx>)",
      en: "VNI (VNI-Times fonts; convert the whole file with: ntm convert <file.xlsx> --out <new file.xlsx>)",
    });
  });
});
