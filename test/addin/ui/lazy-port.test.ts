import { describe, expect, it } from "vitest";
import type { PanePort } from "../../../addin/host/lazy-port.ts";
import { lazyPort } from "../../../addin/host/lazy-port.ts";

const receipt = { id: "r", district: "183", year: 2018, revision: 1, submittedAt: "2018-01-01T00:00:00Z", deduplicated: false };

describe("lazyPort", () => {
  it("loads the adapter once, at once, and forwards every operation", async () => {
    let loads = 0;
    const calls: string[] = [];
    const port = lazyPort(async () => {
      loads++;
      return {
        loadReceipt: async () => {
          calls.push("loadReceipt");
          return receipt;
        },
        selectCell: async (sheet: string, cell: string) => {
          calls.push(`selectCell ${sheet}!${cell}`);
        },
      } as unknown as PanePort;
    });
    expect(loads).toBe(1);
    expect(await port.loadReceipt()).toEqual(receipt);
    await port.selectCell("Tiêu chí", "I8");
    expect(loads).toBe(1);
    expect(calls).toEqual(["loadReceipt", "selectCell Tiêu chí!I8"]);
  });

  it("forwards the two Chuyển mã operations (read with fonts, write the confirmed changes)", async () => {
    const change = { sheet: "Tiêu chí", cell: "B2", before: "X· §oµn KÕt", after: "Xã Đoàn Kết", encoding: "tcvn3" as const };
    const port = lazyPort(
      async () =>
        ({
          readTextCells: async () => ({
            cells: [{ sheet: "Tiêu chí", cell: "B2", value: change.before, font: ".VnTime" }],
            fonts: true,
            report: { syncs: 3, skipped: [] },
          }),
          writeConverted: async (changes: readonly unknown[]) => ({ syncs: 2, skipped: [], written: changes.length, stale: [] }),
        }) as unknown as PanePort,
    );
    expect((await port.readTextCells()).cells).toEqual([{ sheet: "Tiêu chí", cell: "B2", value: "X· §oµn KÕt", font: ".VnTime" }]);
    expect(await port.writeConverted([change])).toEqual({ syncs: 2, skipped: [], written: 1, stale: [] });
  });

  it("a failed load rejects each operation (shown where it is called)", async () => {
    const port = lazyPort(() => Promise.reject(new Error("chunk failed")));
    await expect(port.loadReceipt()).rejects.toThrow("chunk failed");
    await expect(port.saveReceipt(receipt)).rejects.toThrow("chunk failed");
  });
});
