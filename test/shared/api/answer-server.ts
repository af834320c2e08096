import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A real HTTP server on 127.0.0.1 (test helper, not a test file) that answers each request the way
 * a test says: JSON, raw text (HTML, plain), a redirect. It records what it received, so a test can
 * assert that a POST was never re-sent as a GET.
 */
export type Received = { method: string; url: string; authorization: string | null; body: string };

export type Answer =
  | { status: number; json: unknown }
  | { status: number; text: string; contentType?: string }
  | { status: 301 | 302 | 303 | 307 | 308; location: string };

export type AnswerServer = { url: string; received: Received[]; close: () => Promise<void> };

export async function answerServer(answer: (r: Received) => Answer): Promise<AnswerServer> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => {
      body += c;
    });
    req.on("end", () => {
      const r: Received = { method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization ?? null, body };
      received.push(r);
      const a = answer(r);
      if ("location" in a) {
        res.writeHead(a.status, { location: a.location });
        res.end();
      } else if ("json" in a) {
        res.writeHead(a.status, { "content-type": "application/json" });
        res.end(JSON.stringify(a.json));
      } else {
        res.writeHead(a.status, { "content-type": a.contentType ?? "text/plain; charset=utf-8" });
        res.end(a.text);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The answers a server that is not the API (or a broken one) may give, by name. */
export const HTML_500 = "<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>";
export const WRONG_ANSWERS: Record<string, Answer> = {
  "200 {}": { status: 200, json: {} },
  "200 [1,2,3]": { status: 200, json: [1, 2, 3] },
  "200 text": { status: 200, text: "OK, stored" },
};
