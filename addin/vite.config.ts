import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import type { Plugin } from "vite";

/**
 * The task pane build: `vite build --config addin/vite.config.ts` → dist/addin (served by the
 * Worker as static assets). ES2017 so Office 2019's EdgeHTML can run it; IE gets public/ie.js.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, "../dist/addin");
const officeDist = path.resolve(here, "../node_modules/@microsoft/office-js/dist");

/** Which files of @microsoft/office-js/dist the pane serves itself (offline, same origin). */
export function officeFiles(dist: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dist, { withFileTypes: true })) {
    const name = entry.name;
    if (entry.isFile()) {
      if (name.endsWith(".debug.js") || !name.endsWith(".js")) continue;
      if (name === "office.js" || name === "es6-promise.js" || name === "o15apptofilemappingtable.js" || /^excel/.test(name))
        files.push(name);
    } else if (entry.isDirectory()) {
      if (name === "telemetry" || name === "ariatelemetry") {
        for (const f of fs.readdirSync(path.join(dist, name))) if (!f.endsWith(".debug.js")) files.push(`${name}/${f}`);
      } else if (fs.existsSync(path.join(dist, name, "office_strings.js"))) {
        files.push(`${name}/office_strings.js`); // UI strings of each display language
      }
    }
  }
  return files.sort();
}

function copyOfficeJs(): Plugin {
  let target = outDir;
  return {
    name: "ntm-copy-office-js",
    apply: "build",
    configResolved(config) {
      target = path.resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      for (const f of officeFiles(officeDist)) {
        const to = path.join(target, f);
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.copyFileSync(path.join(officeDist, f), to);
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: "./",
  publicDir: path.join(here, "public"),
  plugins: [react(), copyOfficeJs()],
  build: {
    outDir,
    emptyOutDir: true,
    target: "es2017",
    sourcemap: false,
    chunkSizeWarningLimit: 2048,
    // The task pane, and the web page `/nop` for units without the add-in (no office.js).
    rollupOptions: { input: { pane: path.join(here, "index.html"), nop: path.join(here, "nop.html") } },
  },
});
