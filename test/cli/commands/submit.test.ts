import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FakeServer } from "../fixtures.ts";
import { BAC_SON, CAO_LOC, closedPort, fakeServer, filledTemplate, runCli, setCell, tempDir } from "../fixtures.ts";
import { submissionSchema } from "../../../shared/schemas/submission.ts";

let dir = "";
let caoLoc = "";
let bacSon = "";
let server: FakeServer | null = null;
beforeAll(async () => {
  dir = await tempDir();
  caoLoc = await filledTemplate(dir, "183", CAO_LOC);
  bacSon = await filledTemplate(dir, "185", BAC_SON);
});
afterEach(async () => {
  await server?.close();
  server = null;
});

const accepted = (body: { district: string; year: number }, revision: number, deduplicated = false): [number, unknown] => [
  deduplicated ? 200 : 201,
  {
    id: `sub-${body.district}-${revision}`,
    district: body.district,
    year: body.year,
    revision,
    deduplicated,
    submittedAt: "2018-03-01T08:00:00.000Z",
    warnings: [],
  },
];

describe("ntm submit", () => {
  it("POSTs each typed submission with its source rows; prints revision lines; exit 0", async () => {
    server = await fakeServer((req) =>
      accepted(
        req.body as { district: string; year: number },
        req.url === "/api/v1/submissions" ? 2 : 0,
        (req.body as { district: string }).district === "185",
      ),
    );
    const r = await runCli(["submit", caoLoc, bacSon], { NTM_SERVER: server.url, NTM_TOKEN: "office-t" });
    expect(r.code).toBe(0);
    expect(server.requests.map((q) => [q.method, q.url, q.authorization])).toEqual([
      ["POST", "/api/v1/submissions", "Bearer office-t"],
      ["POST", "/api/v1/submissions", "Bearer office-t"],
    ]);
    const sent = submissionSchema.parse(server.requests[0]!.body);
    expect(sent.district).toBe("183");
    expect(sent.year).toBe(2018);
    expect(sent.communes.map((c) => [c.code, c.name, c.source?.row])).toEqual([
      ["06148", "Xã Tân Liên", 6],
      ["06151", "Xã Gia Cát", 7],
    ]);
    expect(sent.communes[1]!.plan).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(sent.capital).toMatchObject({ central: 1000000, local: 500500, credit: 300000 });
    expect(sent.source?.columns.code).toBe("B");
    expect(r.stdout).toContain(`${caoLoc}: huyện 183 năm 2018: đã lưu lần nộp 2 (id sub-183-2)`);
    expect(r.stdout).toContain(`${bacSon}: huyện 185 năm 2018: không thay đổi, trùng lần nộp 2`);
  });

  it("--json prints [{ file, ok, id, revision, deduplicated, warnings, issues, error }]", async () => {
    server = await fakeServer((req) => accepted(req.body as { district: string; year: number }, 1));
    const r = await runCli(["submit", caoLoc, "--json", "--server", server.url]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { file: caoLoc, ok: true, id: "sub-183-1", revision: 1, deduplicated: false, warnings: [], issues: [], error: null },
    ]);
  });

  it("an invalid file: exit 1 and nothing is sent, not even the valid files", async () => {
    const broken = await filledTemplate(dir, "185", BAC_SON, "broken.xlsx");
    await setCell(broken, "Tiêu chí", "J6", "Dạt");
    server = await fakeServer(() => [201, {}]);
    const r = await runCli(["submit", caoLoc, broken], { NTM_SERVER: server.url });
    expect(r.code).toBe(1);
    expect(server.requests).toEqual([]);
    expect(r.stdout).toContain(`${broken}: Tiêu chí!J6: [E] `);
    const j = await runCli(["submit", caoLoc, broken, "--json"], { NTM_SERVER: server.url });
    expect(j.code).toBe(1);
    const out = JSON.parse(j.stdout) as { ok: boolean; id: null; issues: { cell: string }[] }[];
    expect(out.map((o) => [o.ok, o.id])).toEqual([
      [false, null],
      [false, null],
    ]);
    expect(out[1]!.issues.some((i) => i.cell === "J6")).toBe(true);
    expect(server.requests).toEqual([]);
  });

  it("server 422: its details.issues printed as problem lines, exit 2", async () => {
    server = await fakeServer(() => [
      422,
      {
        error: {
          code: "submission.invalid",
          message: "Biểu mẫu không hợp lệ",
          messageEn: "Invalid",
          details: {
            issues: [
              {
                code: "commune.owned_elsewhere",
                severity: "error",
                sheet: "Tiêu chí",
                cell: "B6",
                row: 6,
                commune: "06148",
                message: "Mã xã 06148 đã được huyện 180 nộp cho năm 2018.",
                messageEn: "Owned elsewhere",
              },
            ],
          },
        },
      },
    ]);
    const r = await runCli(["submit", caoLoc], { NTM_SERVER: server.url });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${caoLoc}: Tiêu chí!B6: [E] Mã xã 06148 đã được huyện 180 nộp cho năm 2018.`);
    expect(r.stdout).toContain("HTTP 422 submission.invalid");
    const j = await runCli(["submit", caoLoc, "--json"], { NTM_SERVER: server.url });
    const [o] = JSON.parse(j.stdout) as { ok: boolean; error: { status: number; code: string }; issues: { code: string }[] }[];
    expect(o!.ok).toBe(false);
    expect(o!.error).toMatchObject({ status: 422, code: "submission.invalid" });
    expect(o!.issues.map((i) => i.code)).toEqual(["commune.owned_elsewhere"]);
  });

  it.each([401, 403, 409, 413])("server %i: exit 2", async (status) => {
    server = await fakeServer(() => [status, { error: { code: `x.${status}`, message: "từ chối", messageEn: "refused" } }]);
    const r = await runCli(["submit", caoLoc], { NTM_SERVER: server.url });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${caoLoc}: chưa nộp được (not submitted) — HTTP ${status} x.${status}: từ chối\n`);
  });

  it("an unreachable server: exit 2", async () => {
    const port = await closedPort();
    const r = await runCli(["submit", caoLoc, "--json"], { NTM_SERVER: `http://127.0.0.1:${port}` });
    expect(r.code).toBe(2);
    const [o] = JSON.parse(r.stdout) as { ok: boolean; error: { status: null; code: string } }[];
    expect(o).toMatchObject({
      ok: false,
      id: null,
      error: {
        status: null,
        code: "network.unreachable",
        message: `Không kết nối được máy chủ http://127.0.0.1:${port} (ECONNREFUSED). Kiểm tra mạng và địa chỉ máy chủ, rồi thử lại.`,
      },
    });
  });
});
