import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { fillNtm2 } from "../../../cli/demo/fill-template-ntm2.ts";
import { writeWorkbookFile } from "../../../cli/xlsx/write-workbook.ts";
import { unitSubmissionSchema } from "../../../shared/schemas/unit-submission.ts";
import { checkSetup } from "../../../shared/setup/check-setup.ts";
import type { Setup } from "../../../shared/setup/types.ts";
import type { UnitSubmission } from "../../../shared/schemas/unit-submission.ts";
import type { FakeServer, Recorded } from "../fixtures.ts";
import { fakeServer, runCli, setCell, tempDir } from "../fixtures.ts";

/**
 * `ntm submit` of NTM-2 templates (docs/setup.md): a 2027 file is read and checked under the
 * server's setup of 2027 (asked once per year), then sent as the NTM-2 body; the receipt names the
 * commune that reports for itself.
 */
const BORDER = "Xã biên giới";
const TARGET = "Phấn đấu đạt chuẩn NTM";
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

function tinySetup(): Setup {
  const communes = [
    { code: "06148", name: "Xã Thất Khê", group: 1, border: true },
    { code: "06151", name: "Xã Đoàn Kết", group: 2, border: false },
  ];
  const r = checkSetup(
    {
      year: 2027,
      criteriaSet: { id: "2026-2030" },
      level: "xã",
      units: communes.map((c) => ({ code: c.code, name: c.name, attributes: {} })),
      communes: communes.map((c) => ({
        code: c.code,
        name: c.name,
        unit: c.code,
        group: c.group,
        attributes: { [BORDER]: c.border },
        formerCodes: [],
      })),
      capitalRows: [
        { stt: "1", label: "Ngân sách trung ương" },
        { stt: "2", label: "Ngân sách địa phương" },
      ],
    },
    2027,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return { ...r.value, origin: "applied" };
}

const SETUP = tinySetup();
const { origin: _o, ...STORED_SETUP } = SETUP;
const SETUP_ANSWER = {
  year: 2027,
  version: 1,
  origin: "applied",
  appliedAt: "2027-01-05T00:00:00.000Z",
  appliedBy: "Quản trị",
  setup: STORED_SETUP,
};

function body(unit: "06148" | "06151"): UnitSubmission {
  const c = SETUP.communes!.find((x) => x.code === unit)!;
  return {
    templateVersion: "NTM-2",
    unit,
    unitName: c.name,
    year: 2027,
    criteriaSet: "2026-2030",
    preparedBy: "Lăng Văn Bình",
    phone: "0205 3870 111",
    preparedOn: "2027-01-20",
    communes: [
      {
        code: c.code,
        name: c.name,
        group: c.group,
        attributes: { [BORDER]: c.attributes[BORDER]! },
        flags: { [TARGET]: unit === "06151" },
        baseline: upTo(unit === "06148" ? 10 : 7),
        plan: upTo(unit === "06148" ? 10 : 9),
      },
    ],
    capital: unit === "06148" ? { "1": 1_500_000, "2": 250_500 } : { "1": 800_000, "2": 0 },
  };
}

let dir = "";
const files: Record<string, string> = {};
let server: FakeServer | null = null;
beforeAll(async () => {
  dir = await tempDir();
  for (const unit of ["06148", "06151"] as const) {
    files[unit] = path.join(dir, `${unit}.xlsx`);
    await writeWorkbookFile(fillNtm2(SETUP, body(unit)).sheets, files[unit]!);
  }
});
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A server with the 2027 setup that stores every submission as revision 1 (200 for the second of the same unit). */
function serverReply(setup: [number, unknown] = [200, SETUP_ANSWER]) {
  const seen = new Set<string>();
  return (r: Recorded): [number, unknown] => {
    if (r.method === "GET" && r.url === "/api/v1/setup/2027") return setup;
    const b = r.body as { unit: string; year: number };
    const again = seen.has(b.unit);
    seen.add(b.unit);
    return [
      again ? 200 : 201,
      {
        id: `sub-${b.unit}`,
        district: b.unit,
        unit: b.unit,
        round: "plan",
        year: b.year,
        revision: 1,
        deduplicated: again,
        submittedAt: "2027-01-21T08:00:00.000Z",
        warnings: [],
      },
    ];
  };
}

describe("ntm submit, NTM-2", () => {
  it("reads each file under the server's setup of its year (one GET), POSTs the NTM-2 body, prints the receipt; exit 0", async () => {
    server = await fakeServer(serverReply());
    const r = await runCli(["submit", files["06148"]!, files["06151"]!, files["06148"]!], {
      NTM_SERVER: server.url,
      NTM_TOKEN: "office-t",
    });
    expect(r.code, r.stderr).toBe(0);
    expect(server.requests.map((q) => [q.method, q.url, q.authorization])).toEqual([
      ["GET", "/api/v1/setup/2027", "Bearer office-t"],
      ["POST", "/api/v1/submissions", "Bearer office-t"],
      ["POST", "/api/v1/submissions", "Bearer office-t"],
      ["POST", "/api/v1/submissions", "Bearer office-t"],
    ]);
    const sent = unitSubmissionSchema.parse(server.requests[1]!.body);
    const { source: _s, communes, ...head } = sent;
    const { communes: expectedCommunes, ...expectedHead } = body("06148");
    expect(head).toEqual(expectedHead);
    expect(communes.map(({ source, ...c }) => [c, source?.row])).toEqual([[expectedCommunes[0], 6]]);
    expect(unitSubmissionSchema.parse(server.requests[2]!.body).communes[0]).toMatchObject({
      code: "06151",
      group: 2,
      flags: { [TARGET]: true },
      plan: upTo(9),
    });
    expect(r.stdout).toContain(`${files["06148"]}: xã 06148 năm 2027: đã lưu lần nộp 1 (id sub-06148)\n`);
    expect(r.stdout).toContain(`${files["06151"]}: xã 06151 năm 2027: đã lưu lần nộp 1 (id sub-06151)\n`);
    expect(r.stdout).toContain(`${files["06148"]}: xã 06148 năm 2027: không thay đổi, trùng lần nộp 1 (id sub-06148)\n`);
    expect(r.stderr).toContain(`Đang nộp ${files["06148"]} (xã 06148, năm 2027) lên ${server.url}...`);
  });

  it("--json: one outcome per file", async () => {
    server = await fakeServer(serverReply());
    const r = await runCli(["submit", files["06151"]!, "--json"], { NTM_SERVER: server.url, NTM_TOKEN: "office-t" });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { file: files["06151"], ok: true, id: "sub-06151", revision: 1, deduplicated: false, warnings: [], issues: [], error: null },
    ]);
  });

  it("a year the server has no setup for: the setup.unavailable issue, exit 2, nothing POSTed", async () => {
    const missing = { error: { code: "setup.missing", message: "Năm 2027 chưa có cấu hình.", messageEn: "The year 2027 has no setup." } };
    server = await fakeServer(serverReply([404, missing]));
    const r = await runCli(["submit", files["06148"]!], { NTM_SERVER: server.url, NTM_TOKEN: "office-t" });
    expect(r.code).toBe(2);
    expect(server.requests.map((q) => q.method)).toEqual(["GET"]);
    expect(r.stdout).toContain(
      `${files["06148"]}: [E] Không lấy được thiết lập năm 2027 từ máy chủ: HTTP 404 setup.missing: Năm 2027 chưa có cấu hình.`,
    );
  });

  it("an invalid NTM-2 file (an HT cell that is not a yes/no value): exit 1, nothing POSTed", async () => {
    const broken = path.join(dir, "broken.xlsx");
    await writeWorkbookFile(fillNtm2(SETUP, body("06151")).sheets, broken);
    await setCell(broken, "Tiêu chí", "I6", "Dạt");
    server = await fakeServer(serverReply());
    const r = await runCli(["submit", files["06148"]!, broken], { NTM_SERVER: server.url, NTM_TOKEN: "office-t" });
    expect(r.code).toBe(1);
    expect(server.requests.map((q) => q.method)).toEqual(["GET"]);
    expect(r.stdout).toContain(`${broken}: Tiêu chí!I6: [E] `);
  });

  it("the server refuses (422 commune.unknown at its cell): the issue printed at its cell, exit 2", async () => {
    const refused = {
      error: {
        code: "submission.invalid",
        message: "Biểu mẫu có lỗi, chưa được lưu.",
        messageEn: "The template has errors.",
        details: {
          issues: [
            {
              code: "commune.unknown",
              severity: "error",
              sheet: "Tiêu chí",
              cell: "B6",
              row: 6,
              commune: "06148",
              message: "Xã 06148 không có trong danh sách xã của đơn vị 06148 năm 2027.",
              messageEn: "Commune 06148 is not listed.",
            },
          ],
        },
      },
    };
    server = await fakeServer((q) => (q.method === "GET" ? [200, SETUP_ANSWER] : [422, refused]));
    const r = await runCli(["submit", files["06148"]!], { NTM_SERVER: server.url, NTM_TOKEN: "office-t" });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${files["06148"]}: Tiêu chí!B6: [E] Xã 06148 không có trong danh sách xã của đơn vị 06148 năm 2027.`);
    expect(r.stdout).toContain("HTTP 422 submission.invalid");
  });
});
