/**
 * `npm run start:excel`: the same as `npm start`, served on https://localhost:8787 with the Office
 * development certificate, so Excel (desktop or on the web) can load the sideloaded task pane.
 * The certificate is office-addin-dev-certs' (its default paths in ~/.office-addin-dev-certs);
 * install it once with `npx office-addin-dev-certs install`.
 */
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { start } from "./start.ts";

const dir = path.join(os.homedir(), ".office-addin-dev-certs");
const cert = path.join(dir, "localhost.crt");
const key = path.join(dir, "localhost.key");

if (!existsSync(cert) || !existsSync(key)) {
  console.error(`start:excel: no Office development certificate in ${dir}.
Install it once (it asks to trust a local CA): npx office-addin-dev-certs install
Then run: npm run start:excel`);
  process.exit(1);
}

start({
  url: "https://localhost:8787",
  devArgs: ["--ip", "localhost", "--port", "8787", "--local-protocol", "https", "--https-key-path", key, "--https-cert-path", cert],
});
