import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deployedBase, manifestForUrl } from "../scripts/manifest-for-url.ts";

const root = path.resolve(import.meta.dirname, "..");
const manifest = path.join(root, "manifest.xml");
// Microsoft's schemas, vendored beside the project (../shared/vendor, as CI lays it out too).
const xsd = path.resolve(root, "../shared/vendor/office-addin-manifest-xsd/OfficeAppManifestV1_1.xsd");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const node = existsSync(bin("node")) ? bin("node") : process.execPath;
const tmp = mkdtempSync(path.join(os.tmpdir(), "ntm-manifest-"));

function xmllint(file: string) {
  return spawnSync("xmllint", ["--noout", "--schema", xsd, file], { encoding: "utf8" });
}

describe("manifest.xml", () => {
  it("validates against the vendored OfficeApp 1.1 schema", () => {
    const r = xmllint(manifest);
    expect(r.stderr).toContain("validates");
    expect(r.status).toBe(0);
  });

  it("a broken copy does not validate", () => {
    const broken = path.join(tmp, "broken.xml");
    writeFileSync(broken, readFileSync(manifest, "utf8").replace(/<Id>[^<]*<\/Id>/, "<Id>not-a-guid</Id>"));
    const r = xmllint(broken);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("Id");
  });

  it("is parsed by office-addin-manifest info", () => {
    const out = execFileSync(bin("office-addin-manifest"), ["info", manifest], { encoding: "utf8" });
    expect(out).toContain("Nông thôn mới - Tổng hợp");
    expect(out).toContain("Hosts: Workbook");
    expect(out).toContain("Source Location: https://localhost:8787/index.html");
  });

  it("needs only ExcelApi 1.1, opens from a Home-tab button, and names its icons", () => {
    const xml = readFileSync(manifest, "utf8");
    expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.1"/>');
    expect(xml).toContain('<OfficeTab id="TabHome">');
    expect(xml).toContain('<Action xsi:type="ShowTaskpane">');
    expect(xml).toContain("<DefaultLocale>vi-VN</DefaultLocale>");
    for (const size of [16, 32, 64, 80]) {
      const png = readFileSync(path.join(root, "addin/public/assets", `icon-${size}.png`));
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(size);
    }
  });
});

describe("manifest-for-url", () => {
  it("accepts only an https URL that is not localhost", () => {
    expect(deployedBase("https://ntm.example.workers.dev/")).toEqual({ ok: true, base: "https://ntm.example.workers.dev" });
    expect(deployedBase("http://ntm.example.workers.dev").ok).toBe(false);
    expect(deployedBase("https://localhost:8787").ok).toBe(false);
    expect(deployedBase("https://a.dev/?x=1").ok).toBe(false);
    expect(deployedBase("not a url").ok).toBe(false);
  });

  it("rewrites every development URL and the result still validates", () => {
    const r = spawnSync(node, [path.join(root, "scripts/manifest-for-url.ts"), "https://ntm.example.workers.dev"], { encoding: "utf8", cwd: root });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/localhost/);
    expect(r.stdout).toContain('<SourceLocation DefaultValue="https://ntm.example.workers.dev/index.html"/>');
    expect(r.stdout).toContain("<AppDomain>https://ntm.example.workers.dev</AppDomain>");
    const count = (readFileSync(manifest, "utf8").match(/https:\/\/localhost:8787/g) ?? []).length;
    expect((r.stdout.match(/https:\/\/ntm\.example\.workers\.dev/g) ?? []).length).toBe(count);
    const prod = path.join(tmp, "manifest.prod.xml");
    writeFileSync(prod, r.stdout);
    expect(xmllint(prod).status).toBe(0);
  });

  it("refuses an http URL with exit 1 and writes nothing", () => {
    const r = spawnSync(node, [path.join(root, "scripts/manifest-for-url.ts"), "http://ntm.example.workers.dev"], { encoding: "utf8", cwd: root });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("https");
  });

  it("refuses to leave a stray localhost URL", () => {
    expect(() => manifestForUrl('<a href="http://localhost:3000/x"/>', "https://x.dev")).toThrow(/localhost/);
  });
});
