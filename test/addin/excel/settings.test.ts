import { afterEach, describe, expect, it } from "vitest";
import { ExcelWorkbook } from "../../../addin/excel/excel-workbook.ts";
import { RECEIPT_KEY } from "../../../addin/excel/settings.ts";
import { FakeExcel } from "../../fakes/excel/host.ts";

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

const receipt = { id: "sub_42", district: "183", year: 2018, revision: 3, submittedAt: "2018-03-01T02:03:04Z", deduplicated: false };

describe("receipt in the document settings", () => {
  it("saves with saveAsync and loads it back", async () => {
    const fake = new FakeExcel();
    uninstall = fake.install();
    const wb = new ExcelWorkbook();
    expect(await wb.loadReceipt()).toBeNull();
    await wb.saveReceipt(receipt);
    expect(fake.settings[RECEIPT_KEY]).toEqual(receipt);
    expect(await wb.loadReceipt()).toEqual(receipt);
  });

  it("ignores a stored value that is not a receipt", async () => {
    const fake = new FakeExcel();
    uninstall = fake.install();
    fake.seedSetting(RECEIPT_KEY, { id: 42, district: "183" });
    expect(await new ExcelWorkbook().loadReceipt()).toBeNull();
  });

  it("reports a failed save instead of swallowing it", async () => {
    const fake = new FakeExcel();
    uninstall = fake.install();
    fake.failSettingsSave = true;
    const err = await new ExcelWorkbook().saveReceipt(receipt).catch((e) => e);
    expect(err.code).toBe("SettingsSaveFailed");
    expect(err.messageVi).toContain("Không lưu được");
    expect(err.detail).toBe("disk full");
    expect(fake.settings).not.toHaveProperty(RECEIPT_KEY);
  });

  it("fails clearly without Office", async () => {
    const err = await new ExcelWorkbook().loadReceipt().catch((e) => e);
    expect(err.code).toBe("NoExcel");
  });
});
