import "./host/polyfills.ts";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { waitForHost } from "./excel/office-host.ts";
import { lazyPort } from "./host/lazy-port.ts";

/** Entry of the module bundle (IE never runs it: it gets public/ie.js through `nomodule`). */
async function start(): Promise<void> {
  const element = document.getElementById("root");
  if (!element) return;
  const host = await waitForHost();
  const port = host.excel ? lazyPort(async () => new (await import("./excel/excel-workbook.ts")).ExcelWorkbook()) : null;
  createRoot(element).render(<App host={host} port={port} origin={window.location.origin} />);
}

void start();
