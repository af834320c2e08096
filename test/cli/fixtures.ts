import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";

/** Test helpers: run the CLI as a subprocess and fill a generated template like a user would. */
export const ROOT = path.resolve(import.meta.dirname, "../..");
/** The project's Node 24 (type stripping), not whatever `node` the machine has first. */
const NODE = path.join(ROOT, "node_modules/.bin/node");

export type CliRun = { code: number; stdout: string; stderr: string };

export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      NODE,
      ["cli/main.ts", ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NTM_SERVER: "", NTM_TOKEN: "", ...env },
        timeout: 60_000,
        maxBuffer: 20 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "ntm-cli-"));
}

export type CommuneFill = {
  code: string | number;
  name: string;
  /** Criteria achieved at the start (HT) and planned (KH); the rest are typed as `Chưa đạt`. */
  ht: readonly number[];
  kh: readonly number[];
  flags?: { border?: boolean; pilotDifficult?: boolean; ntmTarget?: boolean; districtDifficult?: boolean };
};

export type Fill = {
  preparedBy?: string;
  phone?: string;
  communes: readonly CommuneFill[];
  /** Amounts in million VND, typed into the leaf rows. */
  capital?: Partial<Record<"central" | "local" | "integrated" | "enterprise" | "credit" | "community" | "other", number>>;
};

const CAPITAL_ROW = { central: 6, local: 7, integrated: 8, enterprise: 9, credit: 10, community: 11, other: 12 } as const;
const FLAG_COLUMN = { border: 4, pilotDifficult: 5, ntmTarget: 6, districtDifficult: 7 } as const;
export const htColumn = (k: number) => 8 + 2 * (k - 1);

/** Opens a template written by `ntm template` and types the values in, like a district would. */
export async function fillTemplate(file: string, fill: Fill, out = file): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const info = wb.getWorksheet("Thông tin")!;
  if (fill.preparedBy) info.getCell("B6").value = fill.preparedBy;
  if (fill.phone) info.getCell("B7").value = fill.phone;
  const crit = wb.getWorksheet("Tiêu chí")!;
  fill.communes.forEach((c, i) => {
    const r = 6 + i;
    crit.getCell(r, 2).value = c.code;
    crit.getCell(r, 3).value = c.name;
    for (const [k, col] of Object.entries(FLAG_COLUMN)) {
      if (c.flags?.[k as keyof typeof FLAG_COLUMN]) crit.getCell(r, col).value = "x";
    }
    for (let k = 1; k <= 19; k++) {
      crit.getCell(r, htColumn(k)).value = c.ht.includes(k) ? "Đạt" : "Chưa đạt";
      crit.getCell(r, htColumn(k) + 1).value = c.kh.includes(k) ? "Đạt" : "Chưa đạt";
    }
  });
  const cap = wb.getWorksheet("Nguồn vốn")!;
  for (const [k, v] of Object.entries(fill.capital ?? {})) cap.getCell(`C${CAPITAL_ROW[k as keyof typeof CAPITAL_ROW]}`).value = v;
  await wb.xlsx.writeFile(out);
}

/** Sets one cell of one sheet of an existing workbook. */
export async function setCell(file: string, sheet: string, cell: string, value: ExcelJS.CellValue): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.getWorksheet(sheet)!.getCell(cell).value = value;
  await wb.xlsx.writeFile(file);
}

export const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

export type Recorded = { method: string; url: string; authorization: string | null; body: unknown };
export type FakeServer = { url: string; requests: Recorded[]; close: () => Promise<void> };

/** A stand-in for the Worker: answers each request with `reply(request)` → [status, body]. */
export async function fakeServer(reply: (r: Recorded) => [number, unknown]): Promise<FakeServer> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const r: Recorded = {
        method: req.method ?? "",
        url: req.url ?? "",
        authorization: req.headers.authorization ?? null,
        body: text ? JSON.parse(text) : null,
      };
      requests.push(r);
      const [status, body] = reply(r);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A localhost port nothing listens on (bound, then closed). */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/**
 * Two districts' filled templates used by the command tests. Figures by hand:
 * 183 Cao Lộc: 06148 (HT 19, KH 19, border), 06151 typed as the number 6151 (HT 1-10, KH 1-15);
 *   capital central 1000, local 500.5, integrated 200, credit 300 (total 2000.5).
 * 185 Bắc Sơn: 06400 (HT 1-4, KH 1-6); capital central 2000, community 99.5 (total 2099.5).
 */
export const CAO_LOC: Fill = {
  preparedBy: "Nguyễn Văn An",
  phone: "0912345678",
  communes: [
    { code: "06148", name: "Xã Tân Liên", ht: range(1, 19), kh: range(1, 19), flags: { border: true } },
    { code: 6151, name: "Xã Gia Cát", ht: range(1, 10), kh: range(1, 15) },
  ],
  capital: { central: 1000, local: 500.5, integrated: 200, credit: 300 },
};
export const BAC_SON: Fill = {
  communes: [{ code: "06400", name: "Xã Vũ Lăng", ht: range(1, 4), kh: range(1, 6) }],
  capital: { central: 2000, community: 99.5 },
};

/** `ntm template` for the district, then filled; returns the file. */
export async function filledTemplate(dir: string, district: string, fill: Fill, name = `${district}.xlsx`): Promise<string> {
  const file = path.join(dir, name);
  const r = await runCli(["template", "--district", district, "--year", "2018", "--out", file]);
  if (r.code !== 0) throw new Error(r.stderr);
  await fillTemplate(file, fill);
  return file;
}
