import { afterEach, describe, expect, it } from "vitest";
import { CELL_EDIT_MODE, ExcelOperationError, runExcel, toExcelError } from "../../../addin/excel/run.ts";
import { ExcelWorkbook } from "../../../addin/excel/excel-workbook.ts";
import { writeSheetModel } from "../../../addin/excel/write-sheet-model.ts";
import { RequestBudget } from "../../../addin/excel/chunks.ts";
import { FakeExcel } from "../../fakes/excel/host.ts";
import { districtTemplate } from "./helpers/template.ts";

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function setup(apiVersion = 13) {
  const fake = new FakeExcel({ apiVersion });
  uninstall = fake.install();
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  return { fake, waits, sleep };
}

async function readSheet1Name() {
  return runExcel(
    "test",
    async (rc) => {
      const s = rc.context.workbook.worksheets.getItem("Sheet1");
      s.load("name");
      await rc.sync();
      return s.name;
    },
    {},
  );
}

describe("runExcel", () => {
  it("counts syncs and returns the value", async () => {
    setup();
    const r = await readSheet1Name();
    expect(r).toEqual({ value: "Sheet1", report: { syncs: 1, skipped: [] } });
  });

  it("(the fake) gives a Range's properties only after load + sync, in Range.values shape", async () => {
    const { fake } = setup();
    fake.sheet("Sheet1").put("B2", [
      ["a", 1],
      ["", true],
    ]);
    const notLoaded = (f: () => unknown) => {
      try {
        f();
        return null;
      } catch (e) {
        return (e as { code?: string }).code;
      }
    };
    const seen = await runExcel(
      "test",
      async (rc) => {
        const r = rc.context.workbook.worksheets.getItem("Sheet1").getRange("B2:C3");
        const before = notLoaded(() => r.values);
        r.load("values");
        const pending = notLoaded(() => r.values);
        await rc.sync();
        return { before, pending, after: r.values };
      },
      {},
    );
    expect(seen.value.before).toBe("PropertyNotLoaded");
    expect(seen.value.pending).toBe("PropertyNotLoaded");
    expect(seen.value.after).toEqual([
      ["a", 1],
      ["", true],
    ]);
  });

  it("retries InvalidOperationInCellEditMode with backoff, then succeeds", async () => {
    const { fake, waits, sleep } = setup();
    fake.failRuns.push(CELL_EDIT_MODE, CELL_EDIT_MODE);
    const r = await runExcel(
      "test",
      async (rc) => {
        const s = rc.context.workbook.worksheets.getItem("Sheet1");
        s.load("name");
        await rc.sync();
        return s.name;
      },
      { sleep },
    );
    expect(r.value).toBe("Sheet1");
    expect(fake.runs).toBe(3);
    expect(waits).toEqual([500, 1000]);
    expect(r.report.syncs).toBe(1);
  });

  it("gives up after the bounded retries with a clear cell-edit message", async () => {
    const { fake, waits, sleep } = setup();
    fake.failRuns.push(CELL_EDIT_MODE, CELL_EDIT_MODE, CELL_EDIT_MODE);
    const err = await runExcel(
      "readTemplate",
      async (rc) => {
        await rc.sync();
      },
      { sleep, retries: 2, backoffMs: 100 },
    ).catch((e) => e);
    expect(err).toBeInstanceOf(ExcelOperationError);
    expect(err.code).toBe(CELL_EDIT_MODE);
    expect(err.operation).toBe("readTemplate");
    expect(err.messageVi).toContain("chế độ sửa ô");
    expect(err.messageEn).toContain("cell-edit mode");
    expect(fake.runs).toBe(3);
    expect(waits).toEqual([100, 200]);
  });

  it("does not retry other errors and maps them by code", async () => {
    const { fake, sleep } = setup();
    fake.failRuns.push("AccessDenied");
    const err = await runExcel(
      "writeReport",
      async (rc) => {
        await rc.sync();
      },
      { sleep },
    ).catch((e) => e);
    expect(fake.runs).toBe(1);
    expect(err).toBeInstanceOf(ExcelOperationError);
    expect(err.code).toBe("AccessDenied");
    expect(err.messageVi).toContain("được bảo vệ");
    expect(err.messageEn).toContain("protected");
    expect(err.detail).toBe("simulated AccessDenied");
  });

  it("keeps an unknown code in the message", () => {
    const e = toExcelError({ code: "SomethingNew", message: "boom" }, "markIssues");
    expect(e.code).toBe("SomethingNew");
    expect(e.messageVi).toBe("Excel báo lỗi (SomethingNew) khi markIssues.");
    expect(e.messageEn).toBe("Excel reported an error (SomethingNew) during markIssues.");
    expect(toExcelError(new TypeError("x"), "op").code).toBe("Unknown");
  });

  it("fails clearly outside Excel", async () => {
    const err = await runExcel("readTemplate", async () => 1).catch((e) => e);
    expect(err.code).toBe("NoExcel");
    expect(err.messageVi).toContain("Không có Excel");
  });

  it("maps an API the host lacks (ApiNotFound) when the adapter is told a newer version than the host has", async () => {
    setup(1);
    const model = districtTemplate()[1]!;
    const claims13 = { api: Object.fromEntries(["1.1", "1.2", "1.7", "1.8", "1.9"].map((v) => [v, true])) };
    const err = await runExcel(
      "createTemplate",
      async (rc) => {
        const sheet = rc.context.workbook.worksheets.add("X");
        const budget = new RequestBudget(() => rc.sync());
        await writeSheetModel(rc, budget, sheet, model, claims13);
        await budget.flush();
      },
      {},
    ).catch((e) => e);
    expect(err.code).toBe("ApiNotFound");
    expect(err.messageEn).toContain("does not support");
  });

  it("a payload over Excel on the web's limit fails with a clear message (why writes are chunked)", async () => {
    const { fake, sleep } = setup();
    fake.payloadLimit = 5_000_000;
    const wb = new ExcelWorkbook({ sleep, maxRequestBytes: 1e12 });
    const err = await wb.createTemplate(districtTemplate(10_000, [])).catch((e) => e);
    expect(err).toBeInstanceOf(ExcelOperationError);
    expect(err.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(err.messageVi).toContain("quá lớn");
  });
});
