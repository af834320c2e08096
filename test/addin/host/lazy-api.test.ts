import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lazyApi, normalizeServer } from "../../../addin/host/lazy-api.ts";

describe("normalizeServer", () => {
  it("defaults to the page's origin and drops trailing slashes", () => {
    expect(normalizeServer("  ", "https://ntm.example")).toBe("https://ntm.example");
    expect(normalizeServer("http://127.0.0.1:8787///", "https://x")).toBe("http://127.0.0.1:8787");
  });
});

describe("lazyApi", () => {
  let server: http.Server;
  let url = "";
  const seen: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ""}`);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ role: "unit", unit: "183", district: "183", label: "Phòng NN Cao Lộc" }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("loads the one shared client once and calls the server with the token", async () => {
    const api = lazyApi(url, "t0k3n-0123456789abcdef");
    const [a, b] = await Promise.all([api.client(), api.client()]);
    expect(a).toBe(b);
    const me = await a.me();
    expect(me).toMatchObject({ ok: true, value: { role: "unit", unit: "183", district: "183", label: "Phòng NN Cao Lộc" } });
    expect(seen).toEqual(["GET /api/v1/me Bearer t0k3n-0123456789abcdef"]);
  });
});
