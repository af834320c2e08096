// better-sqlite3 (benchmark floor only) must match the project's Node 24, not the machine's Node 20:
// rebuild it against the headers shipped in the `node` package when the installed binary does not load.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
try {
  const Database = require("better-sqlite3");
  new Database(":memory:").close();
} catch {
  const nodedir = path.resolve("node_modules/node/node_modules", `node-${process.platform}-${process.arch}`);
  if (!existsSync(path.join(nodedir, "include/node/node.h"))) {
    console.warn(`postinstall: no Node headers at ${nodedir}; better-sqlite3 stays as installed (bench floor only)`);
  } else {
    console.error(`postinstall: rebuilding better-sqlite3 for Node ${process.version}`);
    execFileSync("npm", ["rebuild", "better-sqlite3", `--nodedir=${nodedir}`], { stdio: "inherit" });
  }
}
