import type { WorkbookPort } from "../excel/port.ts";

/** What the pane calls on the workbook (the port but `features` and `readTemplate`, which the adapter uses itself). */
export type PanePort = Omit<WorkbookPort, "features" | "readTemplate">;

/**
 * The workbook port, loaded on first use: the Office.js adapter (addin/excel/*) is a chunk of its
 * own, fetched only in Excel and after the first paint. Loading starts at once in the background.
 */
export function lazyPort(load: () => Promise<PanePort>): PanePort {
  const port = load();
  port.catch(() => {}); // a failed load rejects each operation below, where it is shown
  return {
    createTemplate: (sheets, options) => port.then((p) => p.createTemplate(sheets, options)),
    readSheets: () => port.then((p) => p.readSheets()),
    checkTemplate: (check) => port.then((p) => p.checkTemplate(check)),
    readTextCells: () => port.then((p) => p.readTextCells()),
    writeConverted: (changes) => port.then((p) => p.writeConverted(changes)),
    markIssues: (issues) => port.then((p) => p.markIssues(issues)),
    selectCell: (sheet, cell) => port.then((p) => p.selectCell(sheet, cell)),
    activeCell: () => port.then((p) => p.activeCell()),
    writeReport: (model) => port.then((p) => p.writeReport(model)),
    loadReceipt: () => port.then((p) => p.loadReceipt()),
    saveReceipt: (receipt) => port.then((p) => p.saveReceipt(receipt)),
  };
}
