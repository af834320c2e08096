import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendJson } from "../../../shared/api/send-json.ts";

/** A real HTTP server on loopback: echoes what it got, answers text, or never answers. */
let server: http.Server;
let base = "";
const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (req.url === "/text") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("xin chào");
        return;
      }
      if (req.url === "/slow") return; // never answers
      if (req.url === "/moved") {
        res.writeHead(302, { location: "/text" });
        res.end();
        return;
      }
      res.writeHead(req.url === "/err" ? 422 : 201, { "content-type": "application/json" });
      res.end(JSON.stringify(req.url === "/err" ? { error: { code: "x", message: "Lỗi" } } : { got: body ? JSON.parse(body) : null }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const opts = (o: Partial<Parameters<typeof sendJson>[0]> = {}) => ({ server: base, token: "t0k", fetch, timeoutMs: 5000, ...o });

describe("sendJson", () => {
  it("sends JSON with the bearer token and returns the parsed answer", async () => {
    const r = await sendJson(opts(), "POST", "/api/v1/submissions", { district: "183", tên: "Cao Lộc" });
    expect(r).toEqual({ status: 201, json: { got: { district: "183", tên: "Cao Lộc" } }, text: expect.any(String) });
    const last = seen.at(-1)!;
    expect(last.method).toBe("POST");
    expect(last.headers.authorization).toBe("Bearer t0k");
    expect(last.headers["content-type"]).toBe("application/json");
  });

  it("sends no Authorization header without a token, and no body on GET", async () => {
    await sendJson(opts({ token: null }), "GET", "/x");
    expect(seen.at(-1)!.headers.authorization).toBeUndefined();
    expect(seen.at(-1)!.body).toBe("");
  });

  it("keeps an error status with its JSON body for the client to read", async () => {
    expect(await sendJson(opts(), "GET", "/err")).toEqual({
      status: 422,
      json: { error: { code: "x", message: "Lỗi" } },
      text: expect.any(String),
    });
  });

  it("gives json null (and the text) when the answer is not JSON", async () => {
    expect(await sendJson(opts(), "GET", "/text")).toEqual({ status: 200, json: null, text: "xin chào" });
  });

  it("follows a redirect for GET only: a POST gets the 3xx itself, and nothing arrives as a GET", async () => {
    expect(await sendJson(opts(), "GET", "/moved")).toEqual({ status: 200, json: null, text: "xin chào" });
    const before = seen.length;
    const posted = await sendJson(opts(), "POST", "/moved", { a: 1 });
    expect(posted.status).toBe(302);
    expect(seen.slice(before).map((q) => [q.method, q.url])).toEqual([["POST", "/moved"]]);
  });

  it("answers status null, never a throw, when the server cannot be reached or is too slow", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = await sendJson(opts({ server: `http://127.0.0.1:${port}` }), "GET", "/x");
    expect(refused).toEqual({ status: null, detail: "ECONNREFUSED" });
    const slow = await sendJson(opts({ timeoutMs: 200 }), "GET", "/slow");
    expect(slow.status).toBeNull();
  });
});
